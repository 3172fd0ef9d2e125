import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { loadConfigurationAsync } from '../check.js';
import { extractDocument } from '../extract/index.js';
import { parseDeclaredDate } from '../ingest/metadata.js';
import { ingest, listArticleFiles, parseDocumentText } from '../ingest/read.js';
import { CrosscheckError } from '../model/errors.js';
import type { Document } from '../model/document.js';
import { triggersOf } from '../pipeline.js';
import { LineIndex } from '../text/line-index.js';
import { EXIT, STDIN_ARG, type Io } from './io.js';
import { configPath } from './rules-command.js';

export interface ExtractArgs {
  inputs: string[];
  lang?: 'fr' | 'en';
  published?: string;
  format: 'json' | 'terminal';
  kind?: string[];
  rules: string[];
  config?: string;
}

export function extractOptions<T>(yargs: Argv<T>) {
  return yargs
    .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'files, folders, or - for stdin' })
    .option('lang', { choices: ['fr', 'en'] as const, describe: 'language (default: declared, else detected)' })
    .option('published', { type: 'string', describe: 'publication date YYYY[-MM[-DD]] to resolve relative dates against' })
    .option('format', { choices: ['json', 'terminal'] as const, default: 'terminal' as const, describe: 'output format' })
    .option('kind', { type: 'string', array: true, describe: 'only these kinds (time, duration, number, ordinal, person, place, org, trigger)' })
    .option('rules', { type: 'string', array: true, default: [] as string[], describe: 'extra rule folder(s) (their triggers and lexicons)' })
    .option('config', { type: 'string', describe: 'config file (default: crosscheck.config.json, .yaml or .yml in the working directory)' });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `crosscheck extract`: every mention with span, line/column, value, precision and resolution rule. */
export async function runExtract(args: ExtractArgs, io: Io): Promise<number> {
  const { lexicon, rules } = await loadConfigurationAsync({ rules: args.rules, config: configPath(args.config) });
  const published = args.published === undefined ? undefined : parseDeclaredDate(args.published, '--published');
  if (args.published !== undefined && !published) {
    throw new CrosscheckError(`--published "${args.published}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`, { code: 'usage' });
  }
  const documents: Document[] = [];
  const fromFiles = args.inputs.filter((input) => input !== STDIN_ARG);
  if (args.inputs.includes(STDIN_ARG)) documents.push(parseDocumentText(await readStdin(), '-', { lexicon, lang: args.lang }, 'stdin'));
  const { documents: read, problems } = ingest(fromFiles.length > 0 ? listArticleFiles(fromFiles) : [], { lexicon, lang: args.lang });
  documents.push(...read);
  const triggers = triggersOf(rules);
  const out = documents.map((input) => {
    const doc = published ? { ...input, published } : input;
    const { doc: analysed, mentions } = extractDocument(doc, { lexicon, triggers });
    const lines = new LineIndex(analysed.text);
    return {
      id: analysed.id,
      path: analysed.path,
      lang: analysed.lang,
      published: analysed.published?.value ?? null,
      mentions: mentions
        .filter((m) => !args.kind || args.kind.includes(m.kind))
        .map((m) => ({ kind: m.kind, span: m.span, ...lines.position(m.span[0]), text: m.text, value: m.value, precision: m.precision ?? null, stated: m.stated, rule: m.rule ?? null, attrs: m.attrs })),
    };
  });
  if (args.format === 'json') io.print(JSON.stringify({ documents: out }, null, 2));
  else {
    for (const doc of out) {
      io.print(`${doc.path} (${doc.lang}, published ${doc.published ?? 'unknown'}): ${doc.mentions.length} mentions`);
      for (const m of doc.mentions) {
        const value = m.value === m.text ? '' : ` → ${m.value || '(unresolved)'}`;
        const precision = m.precision ? ` [${m.precision}${m.stated ? '' : ', inferred'}]` : '';
        io.print(`  ${String(m.line).padStart(4)}:${String(m.column).padEnd(4)} ${m.kind.padEnd(8)} ${JSON.stringify(m.text)}${value}${precision}${m.rule ? `  (${m.rule})` : ''}`);
      }
    }
  }
  for (const problem of problems) io.error(`crosscheck: ${problem.path}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
  return problems.length > 0 ? EXIT.input : EXIT.ok;
}
