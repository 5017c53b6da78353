/** Start a real server on a loopback port chosen by the OS, for tests over HTTP. */
import { buildServer, type ServerOptions } from '../src/index.js';

export interface Served {
  base: string;
  close(): Promise<void>;
}

export async function serve(options: ServerOptions = {}): Promise<Served> {
  const app = buildServer(options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return { base: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

export async function postJson(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
