import type { Report } from '../model/index.js';

/** What a formatter may need besides the report: the article texts, to embed or link them. */
export interface FormatContext {
  /** Document id → its path (as given on the command line) and full text as read. */
  documents: ReadonlyMap<string, { path: string; text: string }>;
  /** Directory the report file is written to, for relative links to articles. */
  outDir?: string;
  /** Terminal colours (terminal formatter only). */
  color?: boolean;
}

/** A formatter is one pure function `(report, context) => string`, looked up by name (see ./formatters.ts). */
export type Formatter = (report: Report, context: FormatContext) => string;

export interface FormatterEntry {
  format: Formatter;
  /**
   * The same text as `format`, in pieces, for a report too long to be one string (a large archive's):
   * the CLI writes files from it when it is there.
   */
  chunks?: (report: Report, context: FormatContext) => Iterable<string>;
  /** File name written under --out (`discrepancies.json`…); undefined for stdout-only formats. */
  fileName?: string;
  description: string;
}
