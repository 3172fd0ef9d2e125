import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode.js';
import { readDateHeader } from '../../src/ingest/metadata.js';
import { ingest, listArticleFiles, parseDocumentText, settleLanguage } from '../../src/ingest/read.js';
import { CrosscheckError } from '../../src/model/errors.js';
import { bundled, tempFolder } from '../helpers.js';

describe('readDateHeader', () => {
  it('reads a day-precision header and the body after it', () => {
    const text = ' date 2026-03-06 Politique\nTexte';
    expect(readDateHeader(text)).toEqual({ published: { value: '2026-03-06', precision: 'day', how: "header line ' date 2026-03-06'" }, bodyStart: 17 });
  });

  it('keeps month precision', () => {
    expect(readDateHeader(' date 2020-12 Monsieur le Ministre').published).toMatchObject({ value: '2020-12', precision: 'month' });
  });

  it('ignores text that merely starts with the word date', () => {
    expect(readDateHeader('date limite dépassée').published).toBeNull();
  });
});

describe('decodeText', () => {
  it('names the line of the first invalid UTF-8 byte', () => {
    const bytes = new Uint8Array([...Buffer.from('ligne une\nligne deux '), 0xe9, 0x74, 0xe9]);
    try {
      decodeText(bytes, 'a.txt');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CrosscheckError);
      expect((error as CrosscheckError).line).toBe(2);
      expect((error as CrosscheckError).message).toMatch(/not valid UTF-8/);
    }
  });

  it('accepts UTF-16 with a BOM and strips a UTF-8 BOM', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'a.txt')).toBe('A');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'a.txt')).toBe('A');
  });
});

describe('ingest', () => {
  const { lexicon } = bundled();

  it('reads .txt and .md, detects the language, and keeps declared metadata', () => {
    const dir = tempFolder({
      'a.txt': ' date 2024-05-02 Le conseil municipal a voté le budget de la ville pour les deux prochaines années.',
      'b.md': '---\ntitle: Budget vote\ndate: 2024-05\nsource: The Courier\n---\nThe council voted the budget of the city for the next two years.',
    });
    const { documents, problems } = ingest(listArticleFiles([dir]), { lexicon });
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.id, d.lang, d.langHow, d.published?.value, d.published?.precision])).toEqual([
      ['a', 'fr', 'detected', '2024-05-02', 'day'],
      ['b', 'en', 'detected', '2024-05', 'month'],
    ]);
    expect(documents[1]!.title).toBe('Budget vote');
    expect(documents[1]!.text.slice(documents[1]!.bodyStart)).toMatch(/^The council/);
  });

  it('reports a broken front matter with its line, and still reads the other files', () => {
    const dir = tempFolder({
      'bad.md': '---\ntitle: ok\ndate: [2024\n---\nBody',
      'good.txt': 'The mayor opened the new bridge on Monday.',
    });
    const { documents, problems } = ingest(listArticleFiles([dir]), { lexicon });
    expect(documents.map((d) => d.id)).toEqual(['good']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toMatch(/bad\.md$/);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(problems[0]!.message).toMatch(/front matter/);
  });

  it('reports a front matter that is never closed', () => {
    const dir = tempFolder({ 'open.md': '---\ntitle: ok\nBody without end' });
    const { problems } = ingest(listArticleFiles([dir]), { lexicon });
    expect(problems[0]!.message).toMatch(/never closed/);
  });

  it('refuses a path that does not exist', () => {
    expect(() => listArticleFiles(['/nonexistent/folder'])).toThrow(/no such file or folder/);
  });
});

describe('deferLanguage', () => {
  const { lexicon } = bundled();
  const FRENCH = 'Le ministre a annoncé mardi que la commission se réunira pour la huitième fois en 2021.';
  const deferred = () => parseDocumentText(FRENCH, 'a.txt', { lexicon, deferLanguage: true });
  const eager = () => parseDocumentText(FRENCH, 'a.txt', { lexicon });

  it('leaves a placeholder until the language is settled, then the document is the one read at once', () => {
    const doc = deferred();
    expect(eager().lang).toBe('fr');
    expect(doc.lang).toBe('en'); // the placeholder: detection has not run
    expect(settleLanguage(doc)).toBe('fr');
    expect(JSON.stringify(doc)).toBe(JSON.stringify(eager()));
  });

  it('takes the language it is given instead of detecting it, once', () => {
    const doc = deferred();
    expect(settleLanguage(doc, 'en')).toBe('en'); // not what detection gives: it shows detection did not run
    expect(settleLanguage(doc)).toBe('en');
    expect(settleLanguage(doc, 'fr')).toBe('en'); // settled already
  });

  it('leaves declared, forced and eagerly detected languages as they are', () => {
    expect(settleLanguage(parseDocumentText(FRENCH, 'a.txt', { lexicon, deferLanguage: true, lang: 'en' }), 'fr')).toBe('en');
    expect(settleLanguage(parseDocumentText(`---\nlang: fr\n---\n${FRENCH}`, 'a.md', { lexicon, deferLanguage: true }), 'en')).toBe('fr');
    expect(settleLanguage(eager(), 'en')).toBe('fr');
  });
});
