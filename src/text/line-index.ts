import { firstWhere } from './spans.js';

/** Maps string offsets to 1-based line/column and back, in O(log n) per lookup. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column (in UTF-16 code units, as JavaScript and editors count them). */
  position(offset: number): { line: number; column: number } {
    // The last line starting at or before the offset (the first line for an offset before the text).
    const line = Math.max(0, firstWhere(this.starts, (start) => start > offset) - 1);
    return { line: line + 1, column: offset - (this.starts[line] ?? 0) + 1 };
  }

  offset(line: number, column: number): number {
    const start = this.starts[line - 1];
    if (start === undefined) throw new RangeError(`line ${line} is past the end of the text`);
    return start + column - 1;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
