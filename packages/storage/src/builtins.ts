/** The default registry and the built-in formats. Formats from later issues register here. */
import { compressedFormat } from './formats/compressed.js';
import { hdf5Format } from './formats/hdf5/index.js';
import { jsonFormat } from './formats/json.js';
import { npyFormat } from './formats/npy.js';
import { npzFormat } from './formats/npz.js';
import { pickleFormat } from './formats/pickle/index.js';
import { safetensorsFormat } from './formats/safetensors.js';
import { torchFormat } from './formats/torch/index.js';
import type { Format } from './format.js';
import { createRegistry } from './registry.js';

export const builtinFormats: readonly Format[] = [jsonFormat, compressedFormat, npyFormat, npzFormat, safetensorsFormat, hdf5Format, pickleFormat, torchFormat];

export const defaultRegistry = createRegistry({ formats: builtinFormats });
