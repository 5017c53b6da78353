import { describeFormatConformance } from './support/conformance.js';
import { valueArbitrary } from './support/arbitraries.js';
import { arraysByDtype, containerValues, scalarValues, specialArrays, arrayOf } from './support/sample-values.js';

// The json format's table: every value json round-trips must round-trip through hdf5 too.
const table = [...scalarValues(), ...containerValues(), ...arraysByDtype(), ...specialArrays()];
const sample = { name: 'sample', when: new Date(0), a: arrayOf('float32', [2, 2]), big: arrayOf('int64', [70]), n: NaN };

const npyMagic = new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0x76, 0]);
const hdf5MagicOnly = new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const zipMagic = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const pickleMagic = new Uint8Array([0x80, 0x04, 0x95, 0, 0, 0, 0, 0, 0, 0, 0x4e, 0x2e]);

describeFormatConformance('hdf5', {
  table,
  sample,
  arbitrary: valueArbitrary(),
  numRuns: 60,
  foreign: [['npy magic', npyMagic], ['HDF5 signature without a file', hdf5MagicOnly], ['zip magic', zipMagic], ['pickle magic', pickleMagic], ['empty input', new Uint8Array(0)], ['JSON text', '{"a":1}']],
  // Every length through the signature, superblock and root object header, then every 16th byte to the end.
  truncationLengths: (size) => Array.from({ length: size }, (_, i) => i).filter((i) => i < 512 || i % 16 === 0),
});
