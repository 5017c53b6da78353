import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, omega } from './run-cli.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function folderBytes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
    const path = join(name.parentPath ?? (name as unknown as { path: string }).path, name.name);
    out[path.slice(dir.length)] = readFileSync(path).toString('base64');
  }
  return out;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('omega evaluate --queue and omega worker', () => {
  it('two worker processes over Redis write the same bytes as a local --workers 1 run', async () => {
    if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is not installed (scripts/setup.sh installs it)');
    const port = await freePort();
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(redis);
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error('redis-server not ready')), 10_000);
      redis.stdout!.on('data', (b: Buffer) => {
        seen += String(b);
        if (seen.includes('Ready to accept connections')) (clearTimeout(timer), resolve());
      });
    });
    const url = `redis://127.0.0.1:${port}`;
    const root = mkdtempSync(join(tmpdir(), 'omega-queue-'));
    for (let w = 0; w < 2; w++) children.push(spawn(process.execPath, [BIN, 'worker', '--queue', url], { stdio: 'ignore' }));

    const args = ['--subjects', '6', '--seed', '7', '--as-of', '2025-07-01'];
    const queued = omega(['evaluate', ...args, '--queue', url, '--out', join(root, 'queued')]);
    expect(queued.code, queued.stderr + queued.stdout).toBe(0);
    expect(queued.stdout).toMatch(/evaluated 6 of 6 subject\(s\)/);
    const local = omega(['evaluate', ...args, '--workers', '1', '--out', join(root, 'local')]);
    expect(local.code, local.stderr).toBe(0);

    const a = folderBytes(join(root, 'queued'));
    const b = folderBytes(join(root, 'local'));
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(b)) expect(a[k], k).toBe(b[k]);
  }, 180_000);
});
