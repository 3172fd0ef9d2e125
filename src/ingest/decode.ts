import { CrosscheckError } from '../model/errors.js';

/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted; anything else is an
 * error that names the line of the first bad byte, so the user knows where to look.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    const badByte = firstInvalidUtf8(bytes, start);
    let line = 1;
    for (let i = start; i < badByte; i++) if (bytes[i] === 10) line++;
    throw new CrosscheckError(
      `not valid UTF-8 (byte 0x${(bytes[badByte] ?? 0).toString(16)} at offset ${badByte}); convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8`,
      { file, line, code: 'input' },
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}
