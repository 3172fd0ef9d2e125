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
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
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
