import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../src/model/json-schema.js';
import { tempFolder, tempRootFolder } from '../helpers.js';
import { crosscheck, ROOT } from './cli.js';

const AGREE_A = ' date 2024-03-02 La 4e session de la Commission Mixte Pologne-Portugal a eu lieu le 12 février 2024.';
const DISAGREE_B = ' date 2024-03-05 The fourth session of the Joint Commission took place on 19 March 2023.';

describe('bad input', () => {
  it('names the file and line of an article that is not UTF-8, exits 2, and still reports the others', () => {
    const dir = tempFolder({
      'a.txt': AGREE_A,
      'b.txt': DISAGREE_B,
      'latin1.txt': new Uint8Array([...Buffer.from('Une ligne\nD'), 0xe9, ...Buffer.from('j'), 0xe0, ...Buffer.from(' vu.')]),
    });
    const out = join(dir, 'reports');
    const run = crosscheck(['check', dir, '--format', 'json', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/latin1\.txt:2: not valid UTF-8/);
    const report = JSON.parse(readFileSync(join(out, 'discrepancies.json'), 'utf8'));
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('event/session');
    expect(report.problems).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/UTF-8/) })]);
  });

  it('exits 2 on an empty corpus with a message saying what was looked for', () => {
    const dir = tempFolder({ 'notes.pdf': 'not an article' });
    const run = crosscheck(['check', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no articles found .*\.txt, \.md/);
  });

  it('names a report file that a folder stands in the way of, exits 2, and replaces none of the reports', () => {
    const dir = tempFolder({ 'reports/discrepancies.json': 'old json', 'reports/discrepancies.html/keep': '' });
    const out = join(dir, 'reports');
    const run = crosscheck(['check', 'seeds', '--format', 'json', '--format', 'html', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(out, 'discrepancies.html')}: cannot write the report: a folder has its name`);
    expect(readFileSync(join(out, 'discrepancies.json'), 'utf8')).toBe('old json');
    expect(readdirSync(out).sort()).toEqual(['discrepancies.html', 'discrepancies.json']);
  });

  it('says where claims could not be kept on disk (--spill), exits 2, and writes no report', () => {
    const out = join(tempRootFolder(), 'spill-out');
    const result = crosscheck(['check', 'seeds', '--spill', 'always', '--format', 'json', '--out', out], { env: { TMPDIR: join(tempRootFolder(), 'no-such-folder') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no-such-folder: cannot keep claims on disk here: no such folder\. Set TMPDIR .* or run with --spill never/);
    expect(result.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes no report when a rule file is invalid', () => {
    const dir = tempFolder({ 'a.txt': AGREE_A, 'rules/bad.yaml': 'id: my/rule\nkind: evnt\ndescription: x\n' });
    const out = join(dir, 'reports');
    const run = crosscheck(['check', join(dir, 'a.txt'), '--rules', join(dir, 'rules'), '--format', 'json', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:2:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('crosscheck extract', () => {
  it('reads stdin and prints every mention as JSON with spans, positions, values and rules', () => {
    const run = crosscheck(['extract', '-', '--lang', 'fr', '--published', '2026-03-06', '--format', 'json'], {
      input: 'Le ministre a parlé vendredi.\nLa 8e session est prévue pour 2027.',
    });
    expect(run.code).toBe(0);
    const [doc] = JSON.parse(run.stdout).documents;
    expect(doc).toMatchObject({ id: 'stdin', lang: 'fr', published: '2026-03-06' });
    const friday = doc.mentions.find((m: { text: string }) => m.text === 'vendredi');
    expect(friday).toMatchObject({ kind: 'time', value: '2026-03-06', precision: 'day', stated: false, line: 1, column: 21 });
    expect(friday.rule).toMatch(/weekday/);
    expect(doc.mentions).toContainEqual(expect.objectContaining({ kind: 'ordinal', text: '8e', value: '8', line: 2 }));
    expect(doc.mentions).toContainEqual(expect.objectContaining({ kind: 'time', text: '2027', value: '2027', precision: 'year' }));
  });
});

describe('the JSON Schema of the report', () => {
  it('is committed in docs/report.schema.json and matches the zod schema (regenerate with crosscheck schema)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'docs', 'report.schema.json'), 'utf8'));
    expect(committed).toEqual(reportJsonSchema());
  });
});
