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
    let previous = at - 1;
    const unit = text.charCodeAt(previous);
    // A letter outside the basic plane is two code units: step over both.
    if (unit >= 0xdc00 && unit <= 0xdfff && previous > from) {
      const high = text.charCodeAt(previous - 1);
      if (high >= 0xd800 && high <= 0xdbff) previous--;
    }
    const code = text.codePointAt(previous)!;
    if (isLetter(code)) start = previous;
    else if (!(code === 0x27 || code === 0x2019 || code === 0x2d || (dots && code === 0x2e))) break;
    at = previous;
  }
  return start < 0 ? undefined : { word: text.slice(start, wordEnd), start };
}

const LETTER = /^\p{L}$/u;
const HORIZONTAL_SPACE = /^[^\S\r\n]$/u;

function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return LETTER.test(String.fromCodePoint(code));
}

function isHorizontalSpace(unit: number): boolean {
  if (unit < 0x80) return unit === 0x20 || unit === 0x09 || unit === 0x0b || unit === 0x0c;
  return HORIZONTAL_SPACE.test(String.fromCharCode(unit));
}
