import type { Document } from './document.js';
import { copyOf } from '../util/strings.js';

/**
 * Documents whose text is held as UTF-8 bytes outside V8's heap, and decoded each time `text` is read.
 *
 * A run keeps every article until its report (quotes, line numbers, suppressions). As a JavaScript string,
 * an article with a single character beyond Latin-1 (a ’, a —) takes two bytes per character: 3 KB for an
 * average generated article of 1.9 KB. A check of 1,000,000 articles reached V8's heap limit (about 4.3 GB
 * here, whatever the machine's memory) before its corpus stage. As UTF-8 a text takes 1.9 KB, outside the
 * heap; few read it once the article is analysed (the report, for the articles it quotes), and decoding it
 * again costs a few microseconds. At the start of the corpus stage of a 10,000-article check (two threads,
 * claims on disk) the heap held 72 MB with the texts as strings, 42 MB (and 20 MB outside it) stored.
 *
 * `text` stays an enumerable property (an accessor): spreading such a document, cloning it or turning it to
 * JSON gives the text as a plain string, as for any other document. The accessor is one shared function,
 * so the objects keep V8's fast properties.
 */

const BYTES = Symbol('crosscheck.textBytes');

interface Stored {
  [BYTES]: Buffer;
}

function readText(this: Stored): string {
  return this[BYTES].toString('utf8');
}

function writeText(this: Stored, text: string): void {
  this[BYTES] = encode(text);
}

const TEXT: PropertyDescriptor = { get: readText, set: writeText, enumerable: true, configurable: true };

/**
 * Texts are written one after another into slabs of this many bytes (a text over a quarter of it gets its
 * own buffer): one allocation per slab rather than per article. With a `Buffer.from` per text, a
 * 10,000-article run peaked about 15 MB higher (456-474 MB against 444-454 MB, two runs each).
 */
const SLAB_BYTES = 1 << 20;
let slab = Buffer.alloc(0);
let used = 0;

/** `text` as UTF-8, in the current slab (the slab lives as long as any text in it). */
function encode(text: string): Buffer {
  const length = Buffer.byteLength(text, 'utf8');
  if (length > slab.length - used) {
    if (length > SLAB_BYTES / 4) return Buffer.from(text, 'utf8');
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    used = 0;
  }
  slab.write(text, used, length, 'utf8');
  used += length;
  return slab.subarray(used - length, used);
}

/** The UTF-8 bytes of a stored document's text, or undefined for a document that holds a string. */
function bytesOf(doc: Document): Buffer | undefined {
  return (doc as Partial<Stored>)[BYTES];
}

/** Whether the document's text is held as bytes. */
export function isStored(doc: Document): boolean {
  return bytesOf(doc) !== undefined;
}

/**
 * `doc` with its text held as UTF-8 bytes, its other fields (and their order) as they are, and `changes`
 * applied. A stored document's bytes are shared, not copied. A text that UTF-8 cannot hold exactly (a lone
 * surrogate, possible from the library API) stays a string.
 */
export function storeText(doc: Document, changes: Partial<Omit<Document, 'text'>> = {}): Document {
  let bytes = bytesOf(doc);
  if (bytes === undefined) {
    const text = doc.text;
    if (!wellFormed(text)) return { ...doc, ...changes };
    bytes = encode(text);
  }
  const stored = {} as Record<string, unknown>;
  for (const key of Object.keys(doc)) {
    if (key === 'text') Object.defineProperty(stored, 'text', TEXT);
    else stored[key] = field(key, key in changes ? changes[key as keyof typeof changes] : (doc as Record<string, unknown>)[key]);
  }
  for (const key of Object.keys(changes)) if (!(key in stored)) stored[key] = field(key, changes[key as keyof typeof changes]);
  Object.defineProperty(stored, BYTES, { value: bytes, writable: true });
  return stored as unknown as Document;
}

/** The fields read from an article's text (the others, its id and path, come from the file's name). */
const READ_FROM_TEXT = new Set(['published', 'title', 'source', 'url', 'meta']);

function field(key: string, value: unknown): unknown {
  return READ_FROM_TEXT.has(key) ? detached(value) : value;
}

/**
 * A field's value with strings of its own. What is read from an article's text (a title, a date's "how":
 * `dateline "…"`) is, in V8, a slice of the text, or a concatenation holding one, that keeps the whole text
 * alive as a string: a 10,000-article run kept a third of its texts so. Copied, the string holds only its
 * characters. A field already stored (shared by a document and its copy) is copied again: it is small.
 */
function detached(value: unknown): unknown {
  // Shorter strings are never slices or concatenations in V8: they hold their characters already.
  if (typeof value === 'string') return value.length < 13 ? value : copyOf(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(detached);
  // Plain data (the publication date, the front matter) field by field; anything else (a date) cloned, or
  // kept as it is when it cannot be (a function a library caller put there).
  if (Object.getPrototypeOf(value) !== Object.prototype) return clonedOrSame(value);
  const keys = Object.keys(value);
  if (keys.length === 0) return value;
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[key] = detached((value as Record<string, unknown>)[key]);
  return copy;
}

function clonedOrSame(value: object): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** `doc` with `changes`: a stored document stays stored (sharing its bytes), one that holds a string keeps it. */
export function withChanges(doc: Document, changes: Partial<Omit<Document, 'text'>>): Document {
  return isStored(doc) ? storeText(doc, changes) : { ...doc, ...changes };
}

/** Whether a string has no lone surrogate (String.prototype.isWellFormed: Node 20 has it, TypeScript's ES2023 library does not). */
function wellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Whether the document's text contains `needle`, without decoding a stored text. */
export function textIncludes(doc: Document, needle: string): boolean {
  const bytes = bytesOf(doc);
  return bytes === undefined ? doc.text.includes(needle) : bytes.includes(needle, 0, 'utf8');
}
