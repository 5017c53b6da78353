export function freePort(): Promise<number>;
export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}
export function startRedis(): Promise<RedisServer>;
/** Every file under `root` (relative path → bytes, sorted). */
export function folderBytes(root: string): Promise<Map<string, Buffer>>;
/** Paths missing on one side or with different bytes; empty when the folders are identical. */
export function differingPaths(a: Map<string, Buffer>, b: Map<string, Buffer>): string[];
