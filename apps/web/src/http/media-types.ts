/**
 * The representations a value can be sent as, and their media types. Typed JSON (toJSONSafe) is the default; the
 * others are @omega/storage formats. There are no registered types for npy/safetensors/npz/the seed's compressed
 * text, so we use the `application/x-…` names documented in the README.
 */
export type Representation = 'json' | 'compressed' | 'npy' | 'npz' | 'safetensors' | 'hdf5';

export const MEDIA_TYPES: Readonly<Record<Representation, string>> = {
  json: 'application/json',
  compressed: 'application/x-omega-compressed',
  npy: 'application/x-npy',
  npz: 'application/x-npz',
  safetensors: 'application/x-safetensors',
  hdf5: 'application/x-hdf5',
};

/** The Content-Type sent with each representation (text ones carry their charset). */
export const CONTENT_TYPES: Readonly<Record<Representation, string>> = {
  json: 'application/json; charset=utf-8',
  compressed: 'application/x-omega-compressed; charset=us-ascii',
  npy: 'application/x-npy',
  npz: 'application/x-npz',
  safetensors: 'application/x-safetensors',
  hdf5: 'application/x-hdf5',
};

export const REPRESENTATIONS = Object.keys(MEDIA_TYPES) as Representation[];

export function isRepresentation(name: string): name is Representation {
  return Object.hasOwn(MEDIA_TYPES, name);
}
