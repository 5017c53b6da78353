// Helpers shared by several packages' tests (a private redis-server, byte-for-byte folder comparison). Plain JavaScript (like @omega/bench) so no package has to build it.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';

/** A free TCP port on loopback (bound and released at once). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Start a private, non-persistent redis-server on a free loopback port (Debian's redis-server, which
 * scripts/setup.sh installs). Fails with the server's output if it exits or is not ready within 10 s.
 */
export async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server on port ${port} not ready after 10 s:\n${output}`)), 10_000);
    const onExit = (code) => { clearTimeout(timer); reject(new Error(`redis-server exited with ${code}:\n${output}`)); };
    child.once('error', (error) => { clearTimeout(timer); reject(new Error(`cannot start redis-server (scripts/setup.sh installs it): ${error.message}`)); });
    child.once('exit', onExit);
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      }
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', () => resolve()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Every file under `root` (relative path → bytes, sorted), so two output folders compare byte for byte. */
export async function folderBytes(root) {
  const files = new Map();
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(root, path), await readFile(path));
    }
  }
  await walk(root);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Paths that differ (missing on one side or different bytes); empty when the folders are identical. */
export function differingPaths(a, b) {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => {
    const x = a.get(path);
    const y = b.get(path);
    return x === undefined || y === undefined || !x.equals(y);
  }).sort();
}
