/** Functions on a default DLFriendlyStorage instance, and the seed's convenience functions. */
import { DLFriendlyStorage, type LoadOptions, type SaveOptions, type SaveResult } from './storage.js';

let instance: DLFriendlyStorage | undefined;
/** The shared default instance (created on first use). */
export function defaultStorage(): DLFriendlyStorage {
  return (instance ??= new DLFriendlyStorage());
}

export function save(value: unknown, path: string, options: SaveOptions | string = {}): Promise<SaveResult> {
  return defaultStorage().save(value, path, options);
}

export function load(path: string, options: LoadOptions | string = {}): Promise<unknown> {
  return defaultStorage().load(path, options);
}

/** The sniffed format of a file and a tree of its value, without loading large datasets where the format is lazy. */
export function inspect(path: string, options: LoadOptions = {}): ReturnType<DLFriendlyStorage['inspect']> {
  return defaultStorage().inspect(path, options);
}

/** The format `load` would use for these bytes (content first, then the file name), or undefined. */
export function detectFormat(bytes: Uint8Array, fileName?: string): string | undefined {
  return defaultStorage().detectFormat(bytes, fileName);
}

export function encode(value: unknown, format: string | SaveOptions = 'auto'): Promise<Uint8Array | string> {
  return defaultStorage().encode(value, format);
}

export function decode(input: Uint8Array | string, format: string | LoadOptions = 'auto'): Promise<unknown> {
  return defaultStorage().decode(input, format);
}

/** The seed's `save_mesh_data`: auto format (arrays → compressed, large → HDF5). */
export function saveMeshData(meshData: unknown, path: string, options: SaveOptions | string = {}): Promise<SaveResult> {
  return save(meshData, path, options);
}

export function loadMeshData(path: string, options: LoadOptions | string = {}): Promise<unknown> {
  return load(path, options);
}

/** The seed's `save_analysis_results`: auto format. */
export function saveAnalysisResults(results: unknown, path: string, options: SaveOptions | string = {}): Promise<SaveResult> {
  return save(results, path, options);
}

export function loadAnalysisResults(path: string, options: LoadOptions | string = {}): Promise<unknown> {
  return load(path, options);
}
