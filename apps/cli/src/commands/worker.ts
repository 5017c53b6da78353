/** `omega worker --queue redis://HOST:PORT [--concurrency N]`: compute evaluation subjects from the queue until stopped. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { positiveInt, type CommandInstaller } from '../program.js';

export const installWorker: CommandInstaller = (program: Command, io: Io, setExit) => {
  program
    .command('worker')
    .description('process evaluation jobs from a BullMQ queue (see `omega evaluate --queue`); stops on SIGINT/SIGTERM')
    .requiredOption('--queue <url>', 'redis://HOST:PORT[/DB] (rediss:// for TLS)')
    .option('--concurrency <n>', 'jobs processed at once', positiveInt('--concurrency'), 1)
    .action(async (opts: { queue: string; concurrency: number }) => {
      const { runWorker } = await import('@omega/evaluation-queue');
      const handle = await runWorker({
        queue: opts.queue,
        concurrency: opts.concurrency,
        onEvent: (event) => {
          if (event.type === 'active') io.error(`worker: job ${event.jobId}: subjects ${event.start}–${event.end - 1}`);
          else if (event.type === 'failed') io.error(`worker: job ${event.jobId} failed (attempt ${event.attemptsMade}): ${event.message}`);
          else if (event.type === 'error') io.error(`worker: ${event.message}`);
        },
      });
      io.out(`omega worker: processing ${opts.queue} (concurrency ${opts.concurrency}); Ctrl-C to stop`);
      await new Promise<void>((resolveStop) => {
        const stop = () => void handle.close().then(resolveStop, resolveStop);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      setExit(0);
    });
};
