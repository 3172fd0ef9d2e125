import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { Document, Lang } from '../model/document.js';
import { CrosscheckError } from '../model/errors.js';
import type { Lexicon } from '../model/lexicon.js';
import { decodeText } from './decode.js';
import { detectLanguage } from './language.js';
import { parseDeclaredDate, readDateHeader, readFrontMatter } from './metadata.js';
import { copyOf } from '../util/strings.js';

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
   * Leave a language to detect undetected: the document's `lang` is a placeholder until `settleLanguage`
   * gives it (the language a cache entry kept) or detects it. For a caller that hands each document to
   * `AnalysisCache.analyze`, which does, before anything reads it: a run with a cache, where an article
   * served from an entry is never run through detection.
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
    // `join` leaves, in V8, a tree of pieces per path (concatenations of slices of the joined string): a run
    // holds its file list to the end, so every full collection would trace each path's pieces (at 100,000
    // files, with the resolved paths check() used to hold, 1.3 million objects). A copy is one string.
    else if (ARTICLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) out.add(copyOf(path));
  }
}

/** Reads every file; a file that cannot be read becomes a problem and the others go on. */
export function ingest(files: readonly string[], options: IngestOptions): IngestResult {
  const documents: Document[] = [];
  const problems = ingestEach(files, options, (doc) => documents.push(doc));
  return { documents, problems };
}

/**
 * Reads the files one at a time and hands each document to `each` before reading the next, so that a
 * caller that analyses as it reads never holds every article's text at once; returns the files that could
 * not be read, as `ingest` lists them.
 */
export function ingestEach(files: readonly string[], options: IngestOptions, each: (doc: Document) => void): IngestProblem[] {
  const problems: IngestProblem[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    // A copy: `relative` gives a slice of the resolved path, which would stay alive with the document.
    const shown = copyOf(relative(options.cwd ?? process.cwd(), file) || file);
    let doc: Document;
    try {
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
    } catch (error) {
      if (!(error instanceof CrosscheckError)) throw error;
      problems.push({ path: error.file ?? shown, line: error.line, message: error.message });
      continue;
    }
    seen.set(doc.id, shown);
    each(doc);
  }
  return problems;
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

  let lang: Lang | undefined;
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
    langHow = 'detected';
  }
  // A language to detect holds a placeholder until it is detected (at once, or on demand).
  const doc: Document = { id: docId, path, text, bodyStart, lang: lang ?? 'en', langHow, published, title, source, url, meta };
  if (lang !== undefined) return doc;
  const { lexicon } = options;
  const detect = () => detectLanguage(text.slice(bodyStart), lexicon);
  if (options.deferLanguage) pendingLanguages.set(doc, detect);
  else doc.lang = detect();
  return doc;
}

/**
 * Documents read with `deferLanguage` whose language is still a placeholder, and how to detect it. Kept
 * aside rather than as a getter on the document: an accessor puts the object in V8's slow dictionary
 * mode, and a warm run lost more time reading such documents than it saved on detection.
 */
const pendingLanguages = new WeakMap<Document, () => Lang>();

/**
 * Settles the language of a document read with `deferLanguage`: `lang` when given (the language a cache
 * entry made from the same text kept, so detection never runs), else detected now. Returns the document's
 * language; a document whose language is settled already (or was never deferred) is left as it is.
 */
export function settleLanguage(doc: Document, lang?: Lang): Lang {
  const detect = pendingLanguages.get(doc);
  if (detect) {
    pendingLanguages.delete(doc);
    doc.lang = lang ?? detect();
  }
  return doc.lang;
}

function lineOfKey(text: string, key: string): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? 1 : index;
}
