export interface Measurement { label: string; ms: number; runs: number }
export function measure<T>(label: string, run: () => T | Promise<T>, options?: { verify?: (result: T) => boolean | void | Promise<boolean | void>; repeats?: number; warmup?: number }): Promise<Measurement>;
export function measureInterleaved(cases: Record<string, { run: () => unknown; verify?: (result: any) => boolean | void | Promise<boolean | void> }>, options?: { repeats?: number; warmup?: number }): Promise<Record<string, Measurement>>;
export function machine(): string;
export interface Row { case: string; ours: string; baseline: string; oursMs: number; baselineMs: number; target?: number; ratio?: number; meets?: boolean }
export function report(suite: string, rows: Row[], options?: { dir?: string }): Row[];
