import { formatGithub } from './github.js';
import { formatHtml, htmlChunks } from './html.js';
import { formatJson, jsonChunks } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown, markdownChunks } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatTerminal } from './terminal.js';
import type { FormatterEntry } from './types.js';

/** Every output format by name: the CLI's --format choices and the files written under --out. */
export const FORMATTERS = {
  terminal: { format: formatTerminal, description: 'readable summary on stdout' },
  json: { format: formatJson, chunks: jsonChunks, fileName: 'discrepancies.json', description: 'the JSON report (schema: docs/report.schema.json)' },
  markdown: { format: formatMarkdown, chunks: markdownChunks, fileName: 'discrepancies.md', description: 'report for editors, in Markdown' },
  html: { format: formatHtml, chunks: htmlChunks, fileName: 'discrepancies.html', description: 'self-contained HTML report with filters and timelines' },
  sarif: { format: formatSarif, fileName: 'discrepancies.sarif', description: 'SARIF 2.1.0 for code scanning' },
  junit: { format: formatJunit, fileName: 'discrepancies.junit.xml', description: 'JUnit XML, one test case per fact checked' },
  github: { format: formatGithub, description: 'GitHub Actions annotations (::error file=…) on stdout' },
} satisfies Record<string, FormatterEntry>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
