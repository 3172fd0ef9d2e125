import { tempRootFolder } from '../helpers.js';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../src/model/report.js';
import { crosscheck, ROOT } from './cli.js';

interface GoldSide {
  doc: string;
  line?: number;
  values: Array<string | number>;
  quote?: string;
}
interface Gold {
  documents: Record<string, { lang: string; published: string | null }>;
  discrepancies: Array<{ id: string; severity: string; sides: GoldSide[] }>;
}

const gold = parse(readFileSync(resolve(ROOT, 'tests/fixtures/seeds-gold.yaml'), 'utf8')) as Gold;

describe('crosscheck check seeds/ (the acceptance bar of seeds-gold.yaml)', () => {
  let report: Report;
  let out: string;
  let run: ReturnType<typeof crosscheck>;

  beforeAll(() => {
    out = mkdtempSync(join(tempRootFolder(), 'crosscheck-seeds-'));
    run = crosscheck(['check', 'seeds', '--format', 'json', '--format', 'markdown', '--format', 'terminal', '--out', out, '--fail-on', 'never']);
    report = Report.parse(JSON.parse(readFileSync(join(out, 'discrepancies.json'), 'utf8')));
  });

  it('exits 0 with --fail-on never and writes the reports', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(existsSync(join(out, 'discrepancies.md'))).toBe(true);
    expect(run.stdout).toMatch(/5 documents checked: 1 error, 2 warnings, 1 info/);
  });

  it('reads each document’s language and publication date', () => {
    for (const [prefix, expected] of Object.entries(gold.documents)) {
      const doc = report.documents.find((d) => d.id.startsWith(prefix))!;
      expect([doc.lang, doc.published]).toEqual([expected.lang, expected.published]);
    }
  });

  it('finds exactly the gold discrepancies: 1 error, 2 warnings, 1 info, nothing else', () => {
    expect(report.findings.map((f) => f.severity).sort()).toEqual(['error', 'info', 'warning', 'warning']);
  });

  for (const discrepancy of gold.discrepancies) {
    it(`finds ${discrepancy.id} with every side cited`, () => {
      const docsOf = (sides: Array<{ doc: string }>) => new Set(sides.map((s) => s.doc.slice(0, 3)));
      const goldDocs = docsOf(discrepancy.sides);
      const finding = report.findings.find((f) => [...goldDocs].every((d) => docsOf(f.sides).has(d)) && f.severity === discrepancy.severity);
      expect(finding, `no ${discrepancy.severity} finding citing ${[...goldDocs].join(', ')}`).toBeDefined();
      for (const side of discrepancy.sides) {
        const found = finding!.sides.find((s) => s.doc.startsWith(side.doc) && (side.line === undefined || s.line === side.line));
        expect(found, `side ${side.doc} line ${side.line}`).toBeDefined();
        if (side.quote) expect(found!.quote).toContain(side.quote.split('…')[0]!.slice(0, 40));
        const years = side.values.map(String).flatMap((v) => v.match(/\d{4}(?:-\d{2}){0,2}/g) ?? []);
        for (const year of years) expect(found!.values.join(' ')).toContain(year);
      }
      expect(finding!.message.length).toBeGreaterThan(10);
      expect(finding!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    });
  }

  it('explains the visit years as a likely one-digit typo with no majority', () => {
    const finding = report.findings.find((f) => f.severity === 'error')!;
    expect(finding.hint).toMatch(/one digit/);
    expect(finding.hint).toMatch(/Neither side has a majority/);
  });

  it('lists the agreed facts for context, and flags none of them', () => {
    expect(report.corroborated.length).toBeGreaterThan(0);
    const flaggedDocs = report.findings.filter((f) => f.severity !== 'info').flatMap((f) => f.sides.map((s) => s.line));
    expect(flaggedDocs).not.toContain(12); // 000 line 12: the partnership concluded in March 2016
  });

  it('reports nothing from the page furniture of 002 (lines 1-11)', () => {
    for (const finding of report.findings) {
      for (const side of finding.sides) if (side.doc.startsWith('002')) expect(side.line).toBeGreaterThan(11);
    }
  });
});

describe('exit codes', () => {
  it('exits 1 by default on seeds/ (an error is reported)', () => {
    expect(crosscheck(['check', 'seeds']).code).toBe(1);
  });

  it('exits 0 with --fail-on never and 1 with --fail-on info', () => {
    expect(crosscheck(['check', 'seeds', '--fail-on', 'never']).code).toBe(0);
    expect(crosscheck(['check', 'seeds', '--fail-on', 'info']).code).toBe(1);
  });

  it('exits 2 with a one-line error for a missing path', () => {
    const run = crosscheck(['check', 'no/such/folder']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['crosscheck: no/such/folder: no such file or folder']);
  });

  it('exits 2 on an unknown option, with a pointer to --help', () => {
    const run = crosscheck(['check', 'seeds', '--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown argument|--help/);
  });

  it('says in --help when the progress bar and colours are on, rather than the default of this run', () => {
    // Run with stdout and stderr piped: a default computed here would print as "false".
    const run = crosscheck(['check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--progress[\s\S]*\[default: on when stderr is a terminal and CI is not set\]/);
    expect(run.stdout).toMatch(/--color[\s\S]*\[default: on when stdout is a terminal and NO_COLOR is not set\]/);
  });
});
