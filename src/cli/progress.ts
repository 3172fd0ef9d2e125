import type { Io } from './io.js';

/** What the progress bar is told: articles read and analysed, then rules checking the whole corpus. */
export interface ProgressReporter {
  update(done: number, total: number): void;
  corpus(done: number, total: number, ruleId: string, shardsRead: number): void;
  done(): void;
}

/**
 * How long the articles must have been counted before the bar gives a rate and the time left: a thread's
 * first articles run slower (its compilers warm up), and an estimate made on them alone overshoots.
 */
export const ESTIMATE_AFTER_MS = 3000;

/** Characters of the bar itself: with the longest text it draws (a million articles) it fits in 80 columns. */
const BAR_WIDTH = 20;

/**
 * A progress bar on stderr, shown only once a run has lasted a second (short runs stay quiet) and only
 * when stderr is a terminal (the caller decides; CI logs stay clean). While articles are read it gives
 * their rate and the time the rest should take, at the rate so far (from the first article done, so that
 * loading the rules and listing the files do not count); the corpus checks come after that time (12-17% of
 * a run at 100,000 articles in reports/bench.md). It then follows the corpus checks rule by rule, each with
 * the time it has taken so far (a rule reads its claims shard by shard: at a million articles, one takes
 * minutes).
 */
export function progressReporter(
  _io: Io,
  now: () => number = Date.now,
  write: (text: string) => void = (text) => process.stderr.write(text),
  columns: () => number | undefined = () => process.stderr.columns,
): ProgressReporter {
  const started = now();
  let shown = false;
  let lastDraw = 0;
  /** When the first articles were counted, and how many: the rate is measured from there. */
  let first: { at: number; done: number } | undefined;
  /** The corpus check being drawn (its place among them), and when it began. */
  let rule = -1;
  let ruleStarted = started;
  /** Draws the bar at time `t`, unless a draw came less than 100 ms before (`force` draws anyway); `what` is made only then. */
  const draw = (t: number, done: number, total: number, what: () => string, force: boolean) => {
    if (t - started < 1000 || (t - lastDraw < 100 && !force)) return;
    lastDraw = t;
    shown = true;
    const filled = Math.round((done / Math.max(total, 1)) * BAR_WIDTH);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${what()}`;
    // A line longer than the terminal wraps, and the next draw, back at the start of the last row only,
    // would leave the rest on screen: cut it to the width.
    const room = (columns() ?? 0) - 1;
    write(`\r\u001b[K${room > 0 && line.length > room ? line.slice(0, room) : line}`);
  };
  return {
    update(done, total) {
      const t = now();
      const since = (first ??= { at: t, done });
      draw(t, done, total, () => {
        const elapsed = t - since.at;
        if (elapsed < ESTIMATE_AFTER_MS || done <= since.done || done >= total) return `${done}/${total} articles`;
        const perSecond = ((done - since.done) * 1000) / elapsed;
        return `${done}/${total} articles, ${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)}/s, about ${duration((total - done) / perSecond)} left`;
      }, done >= total);
    },
    // Each rule is drawn as it begins (there are few), so the line names the one running; then, as its
    // summaries and claims are read, with the time it has taken so far.
    corpus(done, total, ruleId) {
      const t = now();
      const begins = done !== rule;
      if (begins) {
        rule = done;
        ruleStarted = t;
      }
      draw(t, done, total, () => `corpus check ${done + 1}/${total}: ${ruleId}${t - ruleStarted >= 1000 ? `, ${duration((t - ruleStarted) / 1000)}` : ''}`, begins);
    },
    done() {
      if (shown) write('\r\u001b[K');
    },
  };
}

/** Seconds as a person reads them: "45 s", "2 min 49 s", "1 h 05 min". */
export function duration(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
