/**
 * What the fuzzer feeds each format: seed inputs (the shared Python fixtures plus our own encodings of the frozen
 * sample values), format tokens for the mutator, and structure-aware wrappers so mutations also reach the inside of
 * checksummed containers (the zlib body of 'compressed', zip members of npz/torch), not only their outer checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { DEFAULT_POLICY, DLFriendlyStorage, NDArray } from '../../src/index.js';
import { ZipReader } from '../../src/formats/_zip.js';
import { writeZip } from '../../src/formats/_zip-write.js';
import { FIXTURES } from '../support/manifest.js';
import { arraysByDtype, containerValues, scalarValues, specialArrays } from '../support/sample-values.js';
import { ascii, mutate } from './_mutator.js';
import type { Prng } from './_prng.js';

export const FUZZ_FORMATS = ['json', 'compressed', 'npy', 'npz', 'safetensors', 'pickle', 'torch', 'hdf5'] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

export interface FuzzTarget {
  format: FuzzFormat;
  seeds: Uint8Array[];
  /** One mutated input for this format. */
  generate(rng: Prng): Uint8Array;
}

const FIXTURE_DIRS: Record<FuzzFormat, Array<[string, RegExp]>> = {
  json: [['python-legacy/seed', /\.json$/]],
  compressed: [['python-legacy/seed', /\.compressed$/]],
  npy: [['python-current/npy', /\.npy$/], ['python-legacy/npy', /\.npy$/]],
  npz: [['python-current/npz', /\.npz$/], ['python-legacy/npz', /\.npz$/]],
  safetensors: [['python-current/safetensors', /\.safetensors$/]],
  pickle: [['python-current/pickle', /\.pkl$/], ['python-legacy/pickle', /\.pkl$/]],
  torch: [['python-current/torch', /\.pt$/]],
  hdf5: [['python-current/hdf5', /\.h5$/], ['python-legacy/hdf5', /\.h5$/]],
};

function fixtureSeeds(format: FuzzFormat): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const [dir, pattern] of FIXTURE_DIRS[format]) {
    for (const name of readdirSync(join(FIXTURES, dir)).sort()) if (pattern.test(name)) out.push(new Uint8Array(readFileSync(join(FIXTURES, dir, name))));
  }
  return out;
}

/** Values each format can hold, from the frozen sample tables. */
function ownValues(format: FuzzFormat): unknown[] {
  const arrays = [...arraysByDtype().filter(([label]) => label.includes('2x3')), ...specialArrays()].map(([, a]) => a);
  const scalars = scalarValues().map(([, v]) => v);
  const containers = containerValues().map(([, v]) => v);
  switch (format) {
    case 'json':
    case 'compressed':
      return [...scalars, ...containers, { arrays }];
    case 'npy':
      return arrays;
    case 'npz':
    case 'safetensors':
      return [Object.fromEntries(arrays.map((a, i) => [`a${i}`, a])), { w: arrays[0], b: arrays[5] }];
    case 'pickle':
      return [...scalars, ...containers, arrays, { nested: [[{ a: arrays[3] }]], s: new Set([1, 2]) }];
    case 'torch':
      return [{ weight: new NDArray('float32', [2, 3], new Float32Array([1, 2, 3, 4, 5, 6]), { tensor: true }), step: 3, names: ['a', 'b'] }, arrays.filter((a) => a.dtype.startsWith('float') || a.dtype.startsWith('int'))];
    case 'hdf5':
      return []; // HDF5 files carry timestamps: our own encodings would make the fuzz inputs differ run to run
  }
}

async function ownSeeds(format: FuzzFormat): Promise<Uint8Array[]> {
  const storage = new DLFriendlyStorage();
  const out: Uint8Array[] = [];
  for (const value of ownValues(format)) {
    for (const options of format === 'compressed' ? [{}, { shuffleMinBytes: 16 }] : format === 'npz' ? [{}, { compress: true }] : [{}]) {
      let encoded: Uint8Array | string;
      try {
        encoded = await storage.encode(value, { format, ...options });
      } catch {
        continue; // a value this format cannot hold (e.g. bfloat16 in npy): not a seed
      }
      out.push(typeof encoded === 'string' ? ascii(Buffer.from(encoded, 'utf8').toString('latin1')) : encoded);
    }
  }
  return out;
}

const TOKENS: Record<FuzzFormat, string[]> = {
  json: ['{"__proto__":{"polluted":1}}', '"constructor":{"prototype":{"x":1}}', '[[[[[[[[[[[[', '"__type__":"numpy_array","dtype":"float64","shape":[4000000000],"data":[]', '"__type__":"custom","name":"x","value":1', 'NaN', '-Infinity', '123456789012345678901234567890', '"__type__":"bytes","b64":"=="', '"__type__":"map","entries":[[1]]', '"encoding":"base64"', '\\ud800'],
  compressed: [],
  npy: ["'shape': (4294967296, 4294967296)", "'descr': '<U0'", "'descr': '|O'", "'fortran_order': True", '(((((((', "'descr': [('a', '<f4')]"],
  npz: ['PK\x03\x04', 'PK\x01\x02', 'PK\x05\x06', '\xff\xff\xff\xff'],
  safetensors: ['"__proto__":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}', '"shape":[4294967296,4294967296]', '"data_offsets":[0,18446744073709551615]', '"__metadata__":{"a":1}', '"dtype":"F8_E4M3"'],
  pickle: ['cos\nsystem\n', 'cbuiltins\neval\n', 'R', 'b', '(', 'o', 'iposix\nsystem\n', '\x8a\xff', '\x8b\xff\xff\xff\x7f', '\x8e\xff\xff\xff\xff\xff\xff\xff\x7f', 'h\x00', 'q\x00', '\x94', '\x93', 'cnumpy.core.multiarray\n_reconstruct\n', 'cnumpy\ndtype\n', 'Q', 'l', 'd', '}', ']'],
  torch: ['ctorch._utils\n_rebuild_tensor_v2\n', 'ctorch\nFloatStorage\n', 'Q', 'R', 'cos\nsystem\n'],
  hdf5: [],
};

/** Zip seeds as (name, bytes, deflated?) members, for rebuilding after a member is mutated. */
function zipMembers(zip: Uint8Array, format: string): Array<{ name: string; data: Uint8Array; compress: boolean }> | undefined {
  try {
    const reader = ZipReader.open(zip, { policy: DEFAULT_POLICY, format });
    return reader.entries.map((e) => ({ name: e.name, data: reader.read(e).slice(), compress: e.method === 8 }));
  } catch {
    return undefined;
  }
}

export async function buildTarget(format: FuzzFormat): Promise<FuzzTarget> {
  const seeds = [...fixtureSeeds(format), ...(await ownSeeds(format))];
  if (seeds.length === 0) throw new Error(`no fuzz seeds for ${format}`);
  const tokens = TOKENS[format].map(ascii);
  const raw = (rng: Prng) => mutate(rng.pick(seeds), rng, seeds, tokens);
  if (format === 'compressed') {
    const bodies = seeds.flatMap((s) => {
      try {
        return [new Uint8Array(zlib.inflateSync(Buffer.from(Buffer.from(s).toString('latin1'), 'base64')))];
      } catch {
        return [];
      }
    });
    const bodyTokens = TOKENS.json.map(ascii);
    return {
      format, seeds,
      generate(rng) {
        if (rng.chance(0.35)) return raw(rng);
        const body = mutate(rng.pick(bodies), rng, bodies, bodyTokens);
        return ascii(zlib.deflateSync(body, { level: 1 }).toString('base64'));
      },
    };
  }
  if (format === 'npz' || format === 'torch') {
    const archives = seeds.map((s) => zipMembers(s, format)).filter((m): m is NonNullable<typeof m> => m !== undefined && m.length > 0);
    const memberTokens = format === 'npz' ? TOKENS.npy.map(ascii) : TOKENS.pickle.map(ascii);
    return {
      format, seeds,
      generate(rng) {
        if (archives.length === 0 || rng.chance(0.4)) return raw(rng);
        const members = rng.pick(archives).map((m) => ({ ...m }));
        const target = members[rng.below(members.length)]!;
        target.data = mutate(target.data, rng, members.map((m) => m.data), memberTokens);
        if (rng.chance(0.1)) target.name = Buffer.from(mutate(ascii(target.name), rng, [ascii(target.name)], [])).toString('latin1') || target.name;
        try {
          return writeZip(members, 1, format);
        } catch {
          return raw(rng); // e.g. a mutated name collided with another member
        }
      },
    };
  }
  return { format, seeds, generate: raw };
}
