/**
 * An error a user can act on: it names the file (and line/column when known) and says what to do.
 * The CLI prints `message` on one line and exits 2; nothing else in the pipeline exits.
 */
export class CrosscheckError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly code: 'input' | 'config' | 'usage';

  constructor(
    message: string,
    options: { file?: string; line?: number; column?: number; code?: 'input' | 'config' | 'usage'; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CrosscheckError';
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.code = options.code ?? 'input';
  }

  /** `file:line:column: message`, the shape editors and terminals make clickable. */
  format(): string {
    const where = [this.file, this.line, this.column].filter((part) => part !== undefined).join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}
