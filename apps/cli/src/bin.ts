#!/usr/bin/env node
// Dates in the engines are calendar dates; pin the zone so the same seed gives the same bytes on every machine.
process.env.TZ = 'UTC';

// A reader that closes early (`omega inspect big.h5 | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { installers } = await import('./commands/index.js');
const { processIo } = await import('./io.js');
const { main } = await import('./program.js');
process.exitCode = await main(process.argv.slice(2), processIo, installers);
