/**
 * The word right before `end`, across at least one horizontal space, found by stepping back from `end`:
 * what `/([\p{L}][\p{L}'’.-]*)[^\S\r\n]+$/u` finds in `text.slice(from, end)` (without `.` in the class
 * when `dots` is false), without a regex scan of the whole window from its start. The word begins with its
 * leftmost letter; `start` is an offset into `text`.
 */
export function wordBeforeSpaces(text: string, from: number, end: number, dots = true): { word: string; start: number } | undefined {
  let at = end;
  while (at > from && isHorizontalSpace(text.charCodeAt(at - 1))) at--;
  if (at === end) return undefined;
  const wordEnd = at;
  let start = -1;
  while (at > from) {
    const previous = codePointStartBefore(text, at, from);
    const code = text.codePointAt(previous)!;
    if (isLetter(code)) start = previous;
    else if (!(code === 0x27 || code === 0x2019 || code === 0x2d || (dots && code === 0x2e))) break;
    at = previous;
  }
  return start < 0 ? undefined : { word: text.slice(start, wordEnd), start };
}

/**
 * Where the code point that ends at `end` starts: `end - 2` when it is a surrogate pair (a letter outside the
 * basic plane is two code units) that starts at or after `from`, else `end - 1`.
 */
export function codePointStartBefore(text: string, end: number, from = 0): number {
  const previous = end - 1;
  const unit = text.charCodeAt(previous);
  if (unit >= 0xdc00 && unit <= 0xdfff && previous > from) {
    const high = text.charCodeAt(previous - 1);
    if (high >= 0xd800 && high <= 0xdbff) return previous - 1;
  }
  return previous;
}

/**
 * Calls `visit` with the bounds of each maximal run of letters and apostrophes (') in `text`, in order (the
 * words `text.split(/[^\p{L}']+/u)` gives without its empty strings), and whether the run is all ASCII. Read
 * code point by code point instead of by a Unicode regex, and without making a string of a run: language
 * detection reads every word of every article this way.
 */
export function forEachLetterRun(text: string, visit: (start: number, end: number, ascii: boolean) => void): void {
  let start = -1;
  let ascii = true;
  let at = 0;
  while (at < text.length) {
    const code = text.codePointAt(at)!;
    const width = code > 0xffff ? 2 : 1;
    if (code === 0x27 || isLetter(code)) {
      if (start < 0) {
        start = at;
        ascii = true;
      }
      if (code >= 0x80) ascii = false;
    } else if (start >= 0) {
      visit(start, at, ascii);
      start = -1;
    }
    at += width;
  }
  if (start >= 0) visit(start, text.length, ascii);
}

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
const HORIZONTAL_SPACE = /^[^\S\r\n]$/u;
/** Whether each code point from U+0080 to U+024F (Latin-1 and Latin Extended, the accented letters of most articles) is a letter. */
const LATIN_LETTERS = Uint8Array.from({ length: 0x250 - 0x80 }, (_, i) => (LETTER.test(String.fromCodePoint(0x80 + i)) ? 1 : 0));

/** Whether the text starts with an upper-case letter (\p{Lu}); ASCII, the common case, without a regex. */
export function startsUpper(text: string): boolean {
  const code = text.charCodeAt(0);
  return code < 0x80 ? code >= 0x41 && code <= 0x5a : /^\p{Lu}/u.test(text);
}

/** Whether a code point is a letter or a number (\p{L}, \p{N}). */
export function isLetterOrNumber(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || isLetter(code);
  return isLetter(code) || NUMBER.test(String.fromCodePoint(code));
}

function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (code < 0x250) return LATIN_LETTERS[code - 0x80] === 1;
  return LETTER.test(String.fromCodePoint(code));
}

function isHorizontalSpace(unit: number): boolean {
  if (unit < 0x80) return unit === 0x20 || unit === 0x09 || unit === 0x0b || unit === 0x0c;
  return HORIZONTAL_SPACE.test(String.fromCharCode(unit));
}
