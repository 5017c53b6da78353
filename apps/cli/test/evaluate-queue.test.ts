import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differingPaths, folderBytes, startRedis, type RedisServer } from '@omega/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, omega } from './run-cli.js';

const children: ChildProcess[] = [];
let redis: RedisServer | undefined;
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await redis?.stop();
});

describe('omega evaluate --queue and omega worker', () => {
  it('two worker processes over Redis write the same bytes as a local --workers 1 run', async () => {
    redis = await startRedis();
    const url = redis.url;
    const root = mkdtempSync(join(tmpdir(), 'omega-queue-'));
    for (let w = 0; w < 2; w++) children.push(spawn(process.execPath, [BIN, 'worker', '--queue', url], { stdio: 'ignore' }));

    const args = ['--subjects', '6', '--seed', '7', '--as-of', '2025-07-01'];
    const queued = omega(['evaluate', ...args, '--queue', url, '--out', join(root, 'queued')]);
    expect(queued.code, queued.stderr + queued.stdout).toBe(0);
    expect(queued.stdout).toMatch(/evaluated 6 of 6 subject\(s\)/);
    const local = omega(['evaluate', ...args, '--workers', '1', '--out', join(root, 'local')]);
    expect(local.code, local.stderr).toBe(0);

    const localFiles = await folderBytes(join(root, 'local'));
    expect(localFiles.size).toBeGreaterThan(0);
    expect(differingPaths(await folderBytes(join(root, 'queued')), localFiles)).toEqual([]);
  }, 180_000);
});
