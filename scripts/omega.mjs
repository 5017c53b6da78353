// `pnpm omega <args>`: runs the CLI once apps/cli is built; until then says so.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../apps/cli/dist/bin.js', import.meta.url));
if (!existsSync(bin)) {
  console.error('omega: the CLI is not built yet — run `pnpm build` first');
  process.exit(1);
}
await import(bin);
