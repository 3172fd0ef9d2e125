import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { parseDocumentText } from '../../src/ingest/read.js';
import type { Document } from '../../src/model/document.js';
import { isStored, storeText, textIncludes, withChanges } from '../../src/model/stored-text.js';
import { analyzeInProcess } from '../../src/parallel/in-process.js';
import { bundled, tempFolder } from '../helpers.js';

const SEEDS = resolve(import.meta.dirname, '..', '..', 'seeds');

function seedDocument(): Document {
  const path = join(SEEDS, '000_343562392b76022e.txt');
  return parseDocumentText(readFileSync(path, 'utf8'), path, { lexicon: bundled().lexicon });
}

describe('stored text: a document whose text is held as UTF-8 bytes', () => {
  it('reads back the same text, with every other field as it was and in the same order', () => {
    const doc = { ...seedDocument(), text: 'Le 12 mars, l’accord — signé à Moscou — « entre en vigueur ». 🙂' };
    const stored = storeText(doc);
    expect(isStored(stored)).toBe(true);
    expect(isStored(doc)).toBe(false);
    expect(stored.text).toBe(doc.text);
    expect(Object.keys(stored)).toEqual(Object.keys(doc));
    expect(stored).toEqual(doc);
  });

  it('gives the text as a plain string to a spread, JSON and a structured clone, which hold no bytes', () => {
    const doc = seedDocument();
    const stored = storeText(doc);
    for (const copy of [{ ...stored }, JSON.parse(JSON.stringify(stored)) as Document, structuredClone(stored)]) {
      expect(copy).toEqual(doc);
      expect(isStored(copy)).toBe(false);
      expect(Object.getOwnPropertyDescriptor(copy, 'text')?.value).toBe(doc.text);
    }
  });

  it('applies changes, shares a stored document\'s bytes, and takes a new text when one is assigned', () => {
    const doc = seedDocument();
    const published = { value: '2021-05-04', precision: 'day' as const, how: 'header' };
    const changed = storeText(storeText(doc), { published, title: 'Un titre' });
    expect(changed.published).toEqual(published);
    expect(changed.title).toBe('Un titre');
    expect(changed.text).toBe(doc.text);
    expect(Object.keys(changed)).toEqual([...Object.keys(doc), ...('title' in doc ? [] : ['title'])]);
    changed.text = 'Autre texte, l’été.';
    expect(changed.text).toBe('Autre texte, l’été.');
    expect(isStored(changed)).toBe(true);
  });

  it('copies what was read from the text (front matter, the date\'s "how"), so that no slice of the text keeps it', () => {
    const meta = { crosscheck: { disable: ['event/visit'], reason: 'quoted from the 2001 archive, as it stood' }, updated: new Date('2021-05-04T00:00:00Z'), tags: ['a', 'b'] };
    const doc = { ...seedDocument(), title: 'A title longer than twelve', meta };
    const stored = storeText(doc);
    expect(stored.meta).toEqual(meta);
    expect(stored.meta).not.toBe(meta);
    expect(stored.meta.updated).toBeInstanceOf(Date);
    expect(stored.title).toBe(doc.title);
    expect(stored.published).toEqual(doc.published);
    // Fields not read from the text are shared as they are.
    expect(stored.path).toBe(doc.path);
    expect(storeText({ ...doc, meta: {} }).meta).toEqual({});
    // What cannot be cloned (a library caller's own objects) is kept as it is.
    const own = new (class Own {
      render = () => 'x';
    })();
    expect((storeText({ ...doc, meta: { own: [own] } }).meta.own as unknown[])[0]).toBe(own);
  });

  it('changes a document as it is held: a stored one stays stored, one holding a string keeps it', () => {
    const doc = seedDocument();
    const changes = { title: 'Another title' };
    expect(isStored(withChanges(storeText(doc), changes))).toBe(true);
    expect(isStored(withChanges(doc, changes))).toBe(false);
    expect(withChanges(storeText(doc), changes)).toEqual({ ...doc, ...changes });
  });

  it('keeps a text UTF-8 cannot hold exactly (a lone surrogate) as a string', () => {
    const doc = { ...seedDocument(), text: 'broken \ud800 surrogate' };
    const kept = storeText(doc, { title: 't' });
    expect(isStored(kept)).toBe(false);
    expect(kept.text).toBe(doc.text);
    expect(kept.title).toBe('t');
  });

  it('finds a string in the text without decoding it, stored or not', () => {
    const doc = { ...seedDocument(), text: 'Avant <!-- crosscheck-disable event/visit --> l’été' };
    for (const d of [doc, storeText(doc)]) {
      expect(textIncludes(d, 'crosscheck-')).toBe(true);
      expect(textIncludes(d, 'l’été')).toBe(true);
      expect(textIncludes(d, 'crosscheck-enable')).toBe(false);
    }
  });
});

describe('stored text in a run', () => {
  it('reads each file just before analysing it, in one thread, and keeps every text as bytes', () => {
    const configuration = bundled();
    const files = ['a', 'b', 'c'].map((name) => join(tempFolder({ [`${name}.txt`]: `Le président s’est rendu à Paris en 2019 (${name}).\n` }), `${name}.txt`));
    const events: string[] = [];
    const analysed = analyzeInProcess(files, configuration, {
      storeTexts: true,
      onFileRead: () => events.push('read'),
      onProgress: (done, total) => events.push(`analysed ${done}/${total}`),
    });
    expect(events).toEqual(['read', 'analysed 1/3', 'read', 'analysed 2/3', 'read', 'analysed 3/3']);
    expect(analysed.documents.map((doc) => isStored(doc))).toEqual([true, true, true]);
    expect(analysed.results.map((result) => isStored(result.analysis.doc))).toEqual([true, true, true]);
    expect(analysed.documents[1]!.text).toBe('Le président s’est rendu à Paris en 2019 (b).\n');
    // A worker's batches post their results: their texts stay strings (the main thread stores them).
    expect(analyzeInProcess(files, configuration, {}).documents.some((doc) => isStored(doc))).toBe(false);
  });

  it('stores texts when claims go to disk, in one thread and with a worker, with the same report as texts held as strings', () => {
    const strings = check([SEEDS], { jobs: 1, spill: 'never' }, bundled());
    // Claims kept in memory hold slices of their article's text: the texts stay strings.
    expect(strings.documents.some((doc) => isStored(doc))).toBe(false);
    const report = JSON.stringify(strings.report);
    for (const jobs of [1, 2]) {
      const run = check([SEEDS], { jobs, spill: 'always' }, bundled());
      expect(run.documents.every((doc) => isStored(doc))).toBe(true);
      expect(JSON.stringify(run.report)).toBe(report);
    }
    const quotes = strings.report.findings.flatMap((finding) => finding.sides);
    expect(quotes.length).toBeGreaterThan(5);
    for (const side of quotes) {
      const text = readFileSync(strings.documents.find((doc) => doc.id === side.doc)!.path, 'utf8');
      expect(text).toContain(side.quote);
    }
  });

  it('stores the texts a worker sends, even with claims in memory (cloned claims hold no slice of them)', () => {
    const run = check([SEEDS], { jobs: 2, spill: 'never' }, bundled());
    expect(run.documents.some((doc) => isStored(doc))).toBe(true);
    expect(JSON.stringify(run.report)).toBe(JSON.stringify(check([SEEDS], { jobs: 1, spill: 'never' }, bundled()).report));
  });
});
