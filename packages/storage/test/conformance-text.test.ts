import { describeFormatConformance } from './support/conformance.js';
import { valueArbitrary } from './support/arbitraries.js';
import { arraysByDtype, containerValues, scalarValues, specialArrays, arrayOf } from './support/sample-values.js';

const table = [...scalarValues(), ...containerValues(), ...arraysByDtype(), ...specialArrays()];
const sample = { name: 'sample', when: new Date(0), a: arrayOf('float32', [2, 2]), big: arrayOf('int64', [70]), n: NaN };

const npyMagic = new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0x76, 0]);
const hdf5Magic = new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const zipMagic = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const pickleMagic = new Uint8Array([0x80, 0x04, 0x95, 0, 0, 0, 0, 0, 0, 0, 0x4e, 0x2e]);
const foreign: Array<[string, Uint8Array | string]> = [['npy magic', npyMagic], ['HDF5 magic', hdf5Magic], ['zip magic', zipMagic], ['pickle magic', pickleMagic], ['empty input', '']];

describeFormatConformance('json', { table, sample, arbitrary: valueArbitrary(), foreign });
describeFormatConformance('compressed', { table, sample, arbitrary: valueArbitrary(), foreign: [...foreign, ['plain JSON', '{"a":1}']] });

// The array container (byte-shuffled raw arrays inside the zlib stream), forced on small arrays.
describeFormatConformance('compressed', { table, sample, arbitrary: valueArbitrary(), foreign, encodeOptions: { shuffleMinBytes: 1 } });
