import cliProgress from 'cli-progress';

/** Completed and failed-for-good subjects across all workers. */
export interface QueueProgress {
  done: number;
  failed: number;
  total: number;
}

export type ProgressMode = 'auto' | 'bar' | 'lines' | 'none';

export interface ProgressDisplay {
  update(progress: QueueProgress): void;
  stop(): void;
}

/** A cli-progress bar on a terminal; elsewhere (CI logs, pipes) one plain line per whole percent of progress. */
export function createProgressDisplay(mode: ProgressMode, stream: NodeJS.WritableStream & { isTTY?: boolean }): ProgressDisplay {
  const chosen = mode === 'auto' ? (stream.isTTY ? 'bar' : 'lines') : mode;
  if (chosen === 'none') return { update: () => undefined, stop: () => undefined };
  if (chosen === 'lines') return linesDisplay(stream);
  return barDisplay(stream);
}

function barDisplay(stream: NodeJS.WritableStream): ProgressDisplay {
  const bar = new cliProgress.SingleBar({
    format: 'evaluating |{bar}| {value}/{total} subjects | {failed} failed | {percentage}%',
    stream,
    hideCursor: true,
    clearOnComplete: false,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update({ done, failed, total }) {
      if (!started) {
        bar.start(total, done, { failed });
        started = true;
      } else bar.update(done, { failed });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function formatProgressLine({ done, failed, total }: QueueProgress): string {
  const percent = total === 0 ? 100 : Math.floor((100 * (done + failed)) / total);
  return `evaluating: ${done}/${total} subjects done, ${failed} failed (${percent}%)`;
}

function linesDisplay(stream: NodeJS.WritableStream): ProgressDisplay {
  let lastPercent = -1;
  let lastFailed = -1;
  return {
    update(progress) {
      const { done, failed, total } = progress;
      const percent = total === 0 ? 100 : Math.floor((100 * (done + failed)) / total);
      if (percent === lastPercent && failed === lastFailed) return;
      lastPercent = percent;
      lastFailed = failed;
      stream.write(`${formatProgressLine(progress)}\n`);
    },
    stop: () => undefined,
  };
}
