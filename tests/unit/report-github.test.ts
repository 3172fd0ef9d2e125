import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Report, type Finding } from '../../src/model/index.js';
import { escapeData, escapeProperty, formatGithub, workflowCommand } from '../../src/report/github.js';
import type { FormatContext } from '../../src/report/types.js';

const report = Report.parse(JSON.parse(readFileSync(new URL('../fixtures/reports/ci-sample.json', import.meta.url), 'utf8')));
const noTexts: FormatContext = { documents: new Map() };

/** Splits `::cmd k=v,…::data` and undoes GitHub's escaping, as the runner does. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string) => text.replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
  const properties = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at), unescape(pair.slice(at + 1))];
      }),
  );
  return { command: match[1]!, properties, message: unescape(match[3]!) };
}

describe('formatGithub', () => {
  const output = formatGithub(report, noTexts);
  const lines = output.trimEnd().split('\n');

  it('prints one command per side of each finding, then one per unreadable file', () => {
    expect(lines).toHaveLength(3 * 2 + 1);
    expect(output.endsWith('\n')).toBe(true);
    expect(lines.map((line) => parseCommand(line).command)).toEqual(['error', 'error', 'warning', 'warning', 'notice', 'notice', 'warning']);
  });

  it('locates each side: file, line, col, inclusive endColumn, and the rule as title', () => {
    expect(lines[0]?.split('::').slice(0, 2).join('::')).toBe(
      '::error file=articles/2024/03/accord-ferroviaire-strasbourg.md,line=8,col=68,endColumn=79,title=event-date',
    );
    // "March 15, 2024" is 14 characters from column 88: columns 88..101.
    expect(parseCommand(lines[1]!).properties).toEqual({
      file: 'articles/2024/03/rail-pact-signed.md',
      line: '8',
      col: '88',
      endColumn: '101',
      title: 'event-date',
    });
  });

  it('tells each side what the other sources say, with the quote verbatim', () => {
    const { message } = parseCommand(lines[2]!);
    expect(message).toBe(
      [
        'Number of protesters at the rail agreement signing in Strasbourg: The French article counts fewer than 50 protesters, the English one about 400.',
        'The sources differ (prefecture vs police); the numbers may count different groups.',
        'Here: <50 (held).',
        'articles/2024/03/rail-pact-signed.md:10:18 says 400 (held): “Police said some 400 protesters gathered outside the Council of Europe building.”',
      ].join('\n'),
    );
    expect(parseCommand(lines[3]!).message).toContain(
      'articles/2024/03/accord-ferroviaire-strasbourg.md:10:33 says <50 (held): “Selon la préfecture : "moins de <50 manifestants, & aucun incident", a-t-elle indiqué.”',
    );
  });

  it('keeps every command on one physical line even though messages have several', () => {
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) /);
    expect(lines[0]).toContain('%0A');
  });

  it('turns a problem into a warning on its file and line', () => {
    expect(parseCommand(lines[6]!)).toEqual({
      command: 'warning',
      properties: { file: 'articles/2024/03/brouillon-manif.html', line: '12', title: 'crosscheck: not checked' },
      message: 'unexpected end of file inside <table>; the article was skipped',
    });
    expect(lines[6]).toContain('title=crosscheck%3A not checked::');
  });

  it('prints nothing for a clean report', () => {
    expect(formatGithub({ ...report, findings: [], problems: [] }, noTexts)).toBe('');
  });

  it('gives the end line instead of columns when the value wraps onto the next line', () => {
    const text = 'Titre\nSigné le 14\nmars 2024.\n';
    const start = text.indexOf('14');
    const finding: Finding = {
      ...report.findings[0]!,
      sides: [{ ...report.findings[0]!.sides[0]!, span: [start, start + 12], line: 2, column: 10 }, report.findings[0]!.sides[1]!],
    };
    const context: FormatContext = { documents: new Map([[finding.sides[0]!.doc, { path: 'x.md', text }]]) };
    const [first] = formatGithub({ ...report, findings: [finding], problems: [] }, context).split('\n');
    expect(parseCommand(first!).properties).toEqual({
      file: 'articles/2024/03/accord-ferroviaire-strasbourg.md',
      line: '2',
      endLine: '3',
      title: 'event-date',
    });
  });
});

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in message data, and nothing else', () => {
    expect(escapeData('100% sûr\r\nligne: 2, fin')).toBe('100%25 sûr%0D%0Aligne: 2, fin');
  });

  it('also escapes : and , in property values', () => {
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });

  it('escapes % first, so an escape sequence in the input survives a round trip', () => {
    const line = workflowCommand('error', [['file', 'dir, with: comma/%0A.md'], ['line', 3]], 'literal %0A, then a real\nnewline');
    expect(line).toBe('::error file=dir%2C with%3A comma/%250A.md,line=3::literal %250A, then a real%0Anewline');
    expect(parseCommand(line)).toEqual({
      command: 'error',
      properties: { file: 'dir, with: comma/%0A.md', line: '3' },
      message: 'literal %0A, then a real\nnewline',
    });
  });

  it('omits the property list when there is none', () => {
    expect(workflowCommand('notice', [], 'hello')).toBe('::notice::hello');
  });
});
