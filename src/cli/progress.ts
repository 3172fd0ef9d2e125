import type { Io } from './io.js';

/**
 * A progress bar on stderr, shown only once a run has lasted a second (short runs stay quiet) and only
 * when stderr is a terminal (the caller decides; CI logs stay clean).
 */
export function progressReporter(io: Io, now: () => number = Date.now): { update: (done: number, total: number) => void; done: () => void } {
  const started = now();
  let shown = false;
  let lastDraw = 0;
  return {
    update(done, total) {
      const t = now();
      if (t - started < 1000 || (t - lastDraw < 100 && done < total)) return;
      lastDraw = t;
      shown = true;
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} articles`);
    },
    done() {
      if (shown) process.stderr.write('\r\u001b[K');
    },
  };
}
