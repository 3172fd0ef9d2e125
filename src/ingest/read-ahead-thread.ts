/**
 * One read-ahead thread (see read-ahead.ts): takes the next file, waits while it is more than the window
 * ahead of the run's reads, reads it whole into a scratch buffer and drops it. Files the run has read
 * already are skipped; files that cannot be read are left to the run.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { READ, STOP, TAKEN, type ReadAheadSetup } from './read-ahead.js';

/** How often a thread held back by the window looks again at the run's reads. */
const POLL_MS = 20;

const { files, state, window } = workerData as ReadAheadSetup;
const shared = new Int32Array(state);
const scratch = Buffer.allocUnsafe(64 * 1024);

function warm(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    while (readSync(fd, scratch, 0, scratch.length, null) === scratch.length);
  } catch {
    // The run reads the file too, and says what is wrong with it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const stopped = () => Atomics.load(shared, STOP) !== 0;

for (let i = Atomics.add(shared, TAKEN, 1); i < files.length && !stopped(); i = Atomics.add(shared, TAKEN, 1)) {
  // Held back by the window; a stop wakes the wait at once.
  while (i >= Atomics.load(shared, READ) + window && !stopped()) Atomics.wait(shared, STOP, 0, POLL_MS);
  if (stopped()) break;
  if (i >= Atomics.load(shared, READ)) warm(files[i]!);
}
