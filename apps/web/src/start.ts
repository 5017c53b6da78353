/** `pnpm start`: listen on PORT (default 3000) at HOST (default 127.0.0.1). OMEGA_AS_OF sets the server's date. */
import { buildServer } from './server.js';

process.env.TZ ??= 'UTC'; // the mesh steps calendar months in local time; UTC keeps `YYYY-MM-DD` days exact

function portFrom(text: string | undefined): number {
  if (text === undefined || text === '') return 3000;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT: expected an integer in [0, 65535], received ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return port;
}

const port = portFrom(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';
const app = buildServer({ logger: true, ...(process.env.OMEGA_AS_OF ? { asOf: process.env.OMEGA_AS_OF } : {}) });
try {
  await app.listen({ port, host });
} catch (error) {
  console.error(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
