import { foldWord } from '../../text/fold.js';

/**
 * Lower-case, accent-free copy of `text` with exactly the same length, so that a match found in the
 * folded copy has the same offsets in the original. A character whose fold would change the length
 * ("œ" → "oe", a lone combining mark) is kept as it is, lower-cased when that is length-safe.
 */
export function foldKeepingOffsets(text: string): string {
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) continue;
    out += text.slice(plainFrom, i).toLowerCase() + foldChar(text[i]!);
    plainFrom = i + 1;
  }
  return out + text.slice(plainFrom).toLowerCase();
}

const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    const candidate = foldWord(char);
    const lower = char.toLowerCase();
    folded = candidate.length === 1 ? candidate : lower.length === 1 ? lower : char;
    foldedChars.set(char, folded);
  }
  return folded;
}
