import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { Document, Lang } from '../model/document.js';
import { CrosscheckError } from '../model/errors.js';
import type { Lexicon } from '../model/lexicon.js';
import { decodeText } from './decode.js';
import { detectLanguage } from './language.js';
import { parseDeclaredDate, readDateHeader, readFrontMatter } from './metadata.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown'];

export interface IngestOptions {
  lexicon: Lexicon;
  /** Force a language instead of detecting it. */
  lang?: Lang;
  /** Base directory for the paths reported (defaults to the working directory). */
  cwd?: string;
  /** Called after each file is read, or found unreadable (a read-ahead follows the run's reads: see read-ahead.ts). */
  onFileRead?: () => void;
  /**
   * Detect a language only when the document's `lang` is first read, or never if `settleLanguage` gives
   * it first: a run with a cache, where an article served from an entry takes the language kept there.
   */
  deferLanguage?: boolean;
}

export interface IngestProblem {
  path: string;
  line?: number;
  message: string;
}

export interface IngestResult {
  documents: Document[];
  problems: IngestProblem[];
}

/**
 * Expands paths (files or folders, recursively) into article files, sorted for deterministic output.
 * A path that does not exist is a usage error: the user named it, so nothing is checked.
 */
export function listArticleFiles(paths: readonly string[]): string[] {
  const files = new Set<string>();
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new CrosscheckError('no such file or folder', { file: path, code: 'usage' });
    }
    if (stats.isDirectory()) walk(path, files);
    else files.add(path);
  }
  return [...files].sort();
}

function walk(dir: string, out: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (ARTICLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) out.add(path);
  }
}

/** Reads every file; a file that cannot be read becomes a problem and the others go on. */
export function ingest(files: readonly string[], options: IngestOptions): IngestResult {
  const documents: Document[] = [];
  const problems: IngestProblem[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const shown = relative(options.cwd ?? process.cwd(), file) || file;
    try {
      let doc: Document;
      try {
        doc = readDocument(file, shown, options);
      } finally {
        options.onFileRead?.();
      }
      const previous = seen.get(doc.id);
      if (previous !== undefined) {
        throw new CrosscheckError(`document id "${doc.id}" is already used by ${previous}; rename one of the files`, {
          file: shown,
          code: 'input',
        });
      }
      seen.set(doc.id, shown);
      documents.push(doc);
    } catch (error) {
      if (!(error instanceof CrosscheckError)) throw error;
      problems.push({ path: error.file ?? shown, line: error.line, message: error.message });
    }
  }
  return { documents, problems };
}

export function readDocument(file: string, shownPath: string, options: IngestOptions): Document {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : `cannot read (${code})`;
    throw new CrosscheckError(reason, { file: shownPath, code: 'input', cause: error });
  }
  const text = decodeText(bytes, shownPath);
  return parseDocumentText(text, shownPath, options);
}

/** Builds a Document from text already in memory (also used for stdin, where the path is "-"). */
export function parseDocumentText(text: string, path: string, options: IngestOptions, id?: string): Document {
  const ext = extname(path).toLowerCase();
  const docId = id ?? basename(path, extname(path));
  let bodyStart = 0;
  let published = null;
  let declaredLang: string | undefined;
  let title: string | undefined;
  let source: string | undefined;
  let url: string | undefined;
  const meta: Record<string, unknown> = {};

  const frontMatter = ext === '.txt' ? null : readFrontMatter(text, path);
  if (frontMatter) {
    bodyStart = frontMatter.bodyStart;
    const data = frontMatter.data;
    published = data.date === undefined ? null : parseDeclaredDate(data.date, 'front matter `date`');
    if (data.date !== undefined && !published) {
      throw new CrosscheckError(`front matter \`date\` "${String(data.date)}" is not a date; write YYYY-MM-DD, YYYY-MM or YYYY`, {
        file: path,
        line: 1 + lineOfKey(text, 'date'),
        code: 'input',
      });
    }
    declaredLang = data.lang ?? data.language;
    ({ title, source, url } = data);
    if (data.crosscheck !== undefined) meta.crosscheck = data.crosscheck;
  } else {
    const header = readDateHeader(text);
    bodyStart = header.bodyStart;
    published = header.published;
  }

  let lang: Lang;
  let langHow: Document['langHow'];
  const normalisedLang = declaredLang?.toLowerCase().slice(0, 2);
  if (options.lang) {
    lang = options.lang;
    langHow = 'option';
  } else if (normalisedLang === 'fr' || normalisedLang === 'en') {
    lang = normalisedLang;
    langHow = 'declared';
  } else {
    if (declaredLang) {
      throw new CrosscheckError(`front matter \`lang: ${declaredLang}\` is not supported; use fr or en`, {
        file: path,
        line: 1 + lineOfKey(text, 'lang'),
        code: 'input',
      });
    }
    const { lexicon } = options;
    const detect = () => detectLanguage(text.slice(bodyStart), lexicon);
    const doc: Document = { id: docId, path, text, bodyStart, lang: 'en', langHow: 'detected', published, title, source, url, meta };
    if (options.deferLanguage) return withLanguageOnDemand(doc, detect);
    doc.lang = detect();
    return doc;
  }
  return { id: docId, path, text, bodyStart, lang, langHow, published, title, source, url, meta };
}

/**
 * Makes `doc.lang` a property that detects the language when first read, then holds it as a plain value.
 * It keeps its place among the keys, so the document's JSON is the same as if it had been detected at once.
 */
function withLanguageOnDemand(doc: Document, detect: () => Lang): Document {
  Object.defineProperty(doc, 'lang', {
    configurable: true,
    enumerable: true,
    get: () => settleLanguage(doc, detect()),
    set: (lang: Lang) => settleLanguage(doc, lang),
  });
  return doc;
}

/**
 * Gives a document read with `deferLanguage` the language detection would give it (kept in a cache entry
 * made from the same text), so it is never detected; returns it. On any other document, sets `lang`.
 */
export function settleLanguage(doc: Document, lang: Lang): Lang {
  Object.defineProperty(doc, 'lang', { value: lang, writable: true, enumerable: true, configurable: true });
  return lang;
}

function lineOfKey(text: string, key: string): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? 1 : index;
}
