/** Progress on long runs: a cli-progress bar on a TTY, plain lines (every ~10 %) otherwise. */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(label?: string): void;
  stop(): void;
}

export function startProgress(title: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (total <= 1) return { tick() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({ format: `${title} [{bar}] {value}/{total} {label}`, stream, hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(total, 0, { label: '' });
    return { tick: (label = '') => bar.increment(1, { label }), stop: () => bar.stop() };
  }
  let done = 0;
  let lastDecile = 0;
  return {
    tick() {
      done++;
      const decile = Math.floor((done * 10) / total);
      if (decile > lastDecile || done === total) {
        lastDecile = decile;
        stream.write(`${title}: ${done}/${total}\n`);
      }
    },
    stop() {},
  };
}
