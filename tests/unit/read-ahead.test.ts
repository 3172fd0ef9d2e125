import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { ingest } from '../../src/ingest/read.js';
import { countRead, READ, startReadAhead, TAKEN } from '../../src/ingest/read-ahead.js';
import { analyzeInWorkers } from '../../src/parallel/pool.js';
import { bundled, tempFolder } from '../helpers.js';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until `ready()` holds, or fails after `ms`. */
async function until(ready: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(10);
  }
}

function articleFiles(count: number): string[] {
  const dir = tempFolder(Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${String(i).padStart(3, '0')}.txt`, `Article ${i}.\n`])));
  return Array.from({ length: count }, (_, i) => join(dir, `a${String(i).padStart(3, '0')}.txt`));
}

describe('read-ahead: threads that read the files just before the run does', () => {
  it('does not start for a run of few files', () => {
    expect(startReadAhead(articleFiles(3))).toBeUndefined();
  });

  it('stays within its window of the reads the run counts, follows them, and ends after the last file', async () => {
    const files = articleFiles(60);
    const ahead = startReadAhead(files, { threads: 2, window: 5, minFiles: 1 })!;
    expect(ahead).toBeDefined();
    const state = new Int32Array(ahead.state);
    await until(() => Atomics.load(state, TAKEN) >= 5);
    await sleep(200);
    // Each thread has taken at most one file past the window, and waits.
    expect(Atomics.load(state, TAKEN)).toBeLessThanOrEqual(5 + 2);
    const read = countRead(ahead.state);
    for (let i = 0; i < 30; i++) read();
    expect(Atomics.load(state, READ)).toBe(30);
    await until(() => Atomics.load(state, TAKEN) >= 35);
    expect(Atomics.load(state, TAKEN)).toBeLessThanOrEqual(35 + 2);
    for (let i = 30; i < files.length; i++) read();
    await ahead.finished;
    expect(Atomics.load(state, TAKEN)).toBeGreaterThanOrEqual(files.length);
  });

  it('leaves files it cannot read (missing, a folder) to the run, and goes on', async () => {
    const files = articleFiles(10);
    const folder = join(tempFolder({}), 'sub.txt');
    mkdirSync(folder);
    const ahead = startReadAhead([files[0]!, '/no/such/file.txt', folder, ...files.slice(1)], { threads: 3, window: 100, minFiles: 1 })!;
    await ahead.finished;
    expect(Atomics.load(new Int32Array(ahead.state), TAKEN)).toBeGreaterThanOrEqual(12);
  });

  it('ends at once when stopped while it waits on the window', async () => {
    const ahead = startReadAhead(articleFiles(20), { threads: 2, window: 1, minFiles: 1 })!;
    await sleep(100);
    const stopped = Date.now();
    ahead.stop();
    await ahead.finished;
    expect(Date.now() - stopped).toBeLessThan(2000);
    expect(Atomics.load(new Int32Array(ahead.state), TAKEN)).toBeLessThan(20);
  });
});

describe('read-ahead: every thread of a run counts the files it reads', () => {
  it('ingest counts each file, the unreadable too', () => {
    const files = articleFiles(4);
    let counted = 0;
    const { documents, problems } = ingest([...files, '/no/such/file.txt'], { lexicon: bundled().lexicon, onFileRead: () => counted++ });
    expect(documents).toHaveLength(4);
    expect(problems).toHaveLength(1);
    expect(counted).toBe(5);
  });

  it('a parallel run counts the reads of the main thread and of the workers on the shared state', () => {
    const { files } = generateCorpus({ count: 30, seed: 3 });
    const dir = tempFolder(Object.fromEntries(files.map((f) => [f.name, f.text])));
    const paths = files.map((f) => join(dir, f.name)).sort();
    const state = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    const analysed = analyzeInWorkers(paths, bundled(), { jobs: 2, readAheadState: state });
    expect(analysed.documents).toHaveLength(30);
    expect(Atomics.load(new Int32Array(state), READ)).toBe(30);
  });
});
