import type { Io } from './io.js';

/** What the progress bar is told: articles read and analysed, then rules checking the whole corpus. */
export interface ProgressReporter {
  update(done: number, total: number): void;
  corpus(done: number, total: number, ruleId: string): void;
  done(): void;
}

/**
 * A progress bar on stderr, shown only once a run has lasted a second (short runs stay quiet) and only
 * when stderr is a terminal (the caller decides; CI logs stay clean). After the articles it follows the
 * corpus checks rule by rule: on a large archive they take a while too (a third of a minute at 100,000).
 */
export function progressReporter(_io: Io, now: () => number = Date.now, write: (text: string) => void = (text) => process.stderr.write(text)): ProgressReporter {
  const started = now();
  let shown = false;
  let lastDraw = 0;
  const draw = (done: number, total: number, what: string, force: boolean) => {
    const t = now();
    if (t - started < 1000 || (t - lastDraw < 100 && !force)) return;
    lastDraw = t;
    shown = true;
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    write(`\r\u001b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${what}`);
  };
  return {
    update(done, total) {
      draw(done, total, `${done}/${total} articles`, done >= total);
    },
    // Each rule is drawn (there are few), so the line names the one running.
    corpus(done, total, ruleId) {
      draw(done, total, `checking the corpus: rule ${done + 1}/${total} (${ruleId})`, true);
    },
    done() {
      if (shown) write('\r\u001b[K');
    },
  };
}
