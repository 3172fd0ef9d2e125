import { tempRootFolder } from '../helpers.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrosscheckError, Report, type Finding } from '../../src/model/index.js';
import {
  applyBaseline,
  createBaseline,
  parseBaseline,
  pruneBaseline,
  readBaseline,
  serializeBaseline,
  type Baseline,
} from '../../src/report/baseline.js';
import { fingerprintFinding } from '../../src/report/fingerprint.js';

const report = Report.parse(JSON.parse(readFileSync(new URL('../fixtures/reports/ci-sample.json', import.meta.url), 'utf8')));
const [dateFinding, countFinding, planFinding] = report.findings as [Finding, Finding, Finding];
const directory = mkdtempSync(join(tempRootFolder(), 'crosscheck-baseline-'));

function writeTemp(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

async function readError(path: string): Promise<CrosscheckError> {
  const error = await readBaseline(path).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(CrosscheckError);
  return error as CrosscheckError;
}

/** A finding as the next run would report it after an edit, with its fingerprint recomputed. */
function rerun(finding: Finding, edit: (finding: Finding) => Finding): Finding {
  const edited = edit(structuredClone(finding));
  return { ...edited, fingerprint: fingerprintFinding(edited) };
}

describe('createBaseline', () => {
  const baseline = createBaseline(report);

  it('accepts every finding, sorted by rule then fact, with a readable values summary and an empty reason', () => {
    expect(baseline).toEqual({
      version: 1,
      entries: [
        {
          fingerprint: countFinding.fingerprint,
          ruleId: 'event-count',
          fact: countFinding.fact,
          values: 'articles/2024/03/accord-ferroviaire-strasbourg.md: <50 | articles/2024/03/rail-pact-signed.md: 400',
          reason: '',
        },
        {
          fingerprint: dateFinding.fingerprint,
          ruleId: 'event-date',
          fact: dateFinding.fact,
          values: 'articles/2024/03/accord-ferroviaire-strasbourg.md: 2024-03-14 | articles/2024/03/rail-pact-signed.md: 2024-03-15',
          reason: '',
        },
        {
          fingerprint: planFinding.fingerprint,
          ruleId: 'plan-vs-held',
          fact: planFinding.fact,
          values: 'archive/2024/02/rail-pact-preview.md: 2024-03 | articles/2024/03/accord-ferroviaire-strasbourg.md: 2024-03-14',
          reason: '',
        },
      ],
    });
  });

  it('keeps the reasons already written when the baseline is regenerated', () => {
    const reviewed: Baseline = {
      ...baseline,
      entries: baseline.entries.map((entry) => (entry.ruleId === 'event-count' ? { ...entry, reason: 'prefecture and police count differently' } : entry)),
    };
    const regenerated = createBaseline(report, reviewed);
    expect(regenerated.entries.map((entry) => entry.reason)).toEqual(['prefecture and police count differently', '', '']);
  });

  it('lists a fingerprint once even if two findings share it', () => {
    expect(createBaseline({ ...report, findings: [dateFinding, { ...dateFinding, id: 'copy' }] }).entries).toHaveLength(1);
  });
});

describe('applyBaseline', () => {
  const baseline = createBaseline({ ...report, findings: [dateFinding, countFinding] });

  it('suppresses the accepted findings and keeps the new ones, in order', () => {
    const outcome = applyBaseline(report.findings, baseline);
    expect(outcome.kept).toEqual([planFinding]);
    expect(outcome.suppressed).toEqual([dateFinding, countFinding]);
    expect(outcome.unmatched).toEqual([]);
  });

  it('still suppresses a finding whose paragraph moved', () => {
    const moved = rerun(dateFinding, (finding) => ({ ...finding, sides: finding.sides.map((side) => ({ ...side, line: side.line + 12, span: [side.span[0] + 400, side.span[1] + 400] })) }));
    expect(applyBaseline([moved], baseline).suppressed).toEqual([moved]);
  });

  it('reports a finding again when a conflicting value changes, and the old entry as unmatched', () => {
    const changed = rerun(dateFinding, (finding) => ({ ...finding, sides: [{ ...finding.sides[0]!, values: ['2024-03-13'] }, finding.sides[1]!] }));
    const outcome = applyBaseline([changed, countFinding], baseline);
    expect(outcome.kept).toEqual([changed]);
    expect(outcome.suppressed).toEqual([countFinding]);
    expect(outcome.unmatched.map((entry) => entry.fingerprint)).toEqual([dateFinding.fingerprint]);
  });

  it('does not modify its inputs', () => {
    const before = structuredClone(baseline);
    applyBaseline(report.findings, baseline);
    expect(baseline).toEqual(before);
  });
});

describe('pruneBaseline', () => {
  it('drops the unmatched entries and keeps the rest with their reasons', () => {
    const baseline = createBaseline(report);
    baseline.entries[0]!.reason = 'kept on purpose';
    const { unmatched } = applyBaseline([countFinding], baseline);
    const pruned = pruneBaseline(baseline, unmatched);
    expect(pruned.entries).toEqual([{ ...baseline.entries[0]!, reason: 'kept on purpose' }]);
    expect(baseline.entries).toHaveLength(3);
  });
});

describe('serializeBaseline', () => {
  it('writes 2-space JSON with a trailing newline, keys and entries in one order whatever the input order', () => {
    const baseline = createBaseline(report);
    const text = serializeBaseline(baseline);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "version": 1,');
    const scrambled = {
      entries: [...baseline.entries].reverse().map(({ reason, values, fact, ruleId, fingerprint }) => ({ reason, values, fact, ruleId, fingerprint })),
      version: 1 as const,
    };
    expect(serializeBaseline(scrambled)).toBe(text);
    expect(Object.keys(JSON.parse(text).entries[0])).toEqual(['fingerprint', 'ruleId', 'fact', 'values', 'reason']);
  });

  it('round-trips through the parser', () => {
    const baseline = createBaseline(report);
    expect(parseBaseline(serializeBaseline(baseline), 'crosscheck-baseline.json')).toEqual(baseline);
  });
});

describe('readBaseline', () => {
  it('reads a file written by serializeBaseline', async () => {
    const baseline = createBaseline(report);
    await expect(readBaseline(writeTemp('ok.json', serializeBaseline(baseline)))).resolves.toEqual(baseline);
  });

  it('accepts an entry with no reason key (reason defaults to "")', async () => {
    const [entry] = createBaseline(report).entries;
    const { reason: _unused, ...withoutReason } = entry!;
    const path = writeTemp('no-reason.json', JSON.stringify({ version: 1, entries: [withoutReason] }));
    expect((await readBaseline(path)).entries[0]?.reason).toBe('');
  });

  it('rejects a misspelt key, naming the file, the line of the key and the entry', async () => {
    const text = serializeBaseline(createBaseline(report)).replace('"reason": ""', '"reasons": ""');
    const path = writeTemp('typo.json', text);
    const error = await readError(path);
    expect(error.code).toBe('config');
    expect(error.file).toBe(path);
    expect(error.line).toBe(text.split('\n').findIndex((line) => line.includes('"reasons"')) + 1);
    expect(error.message).toContain('entries[0]');
    expect(error.message).toContain('"reasons"');
    expect(error.format()).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: invalid baseline`));
  });

  it('rejects a wrong version and a wrong type, pointing at the value', async () => {
    const version = await readError(writeTemp('v2.json', '{\n  "version": 2,\n  "entries": []\n}\n'));
    expect(version.message).toMatch(/version/);
    expect(version.line).toBe(2);
    const wrongType = await readError(writeTemp('type.json', '{\n  "version": 1,\n  "entries": [\n    { "fingerprint": 12, "ruleId": "r", "fact": "f", "values": "" }\n  ]\n}\n'));
    expect(wrongType.message).toContain('entries[0].fingerprint');
    expect(wrongType.line).toBe(4);
  });

  it('rejects an entry missing a required key, pointing at the entry', async () => {
    const error = await readError(writeTemp('missing.json', '{\n  "version": 1,\n  "entries": [\n    {\n      "fingerprint": "abc"\n    }\n  ]\n}\n'));
    expect(error.message).toContain('entries[0].ruleId');
    expect(error.line).toBe(4);
  });

  it('rejects the same fingerprint listed twice', async () => {
    const entry = { fingerprint: 'abc', ruleId: 'r', fact: 'f', values: '', reason: '' };
    const error = await readError(writeTemp('dup.json', JSON.stringify({ version: 1, entries: [entry, entry] }, null, 2)));
    expect(error.message).toContain('entries[1].fingerprint: duplicate fingerprint abc');
  });

  it('rejects invalid JSON with the position of the error', async () => {
    const error = await readError(writeTemp('broken.json', '{\n  "version": 1,\n  "entries": [,]\n}\n'));
    expect(error.code).toBe('config');
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.line).toBe(3);
  });

  it('says how to create a missing file', async () => {
    const error = await readError(join(directory, 'absent.json'));
    expect(error.code).toBe('config');
    expect(error.message).toContain('crosscheck baseline');
  });
});
