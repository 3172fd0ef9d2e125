import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Report, type Finding } from '../../src/model/index.js';
import { factKey, fingerprintFinding } from '../../src/report/fingerprint.js';

const report = Report.parse(JSON.parse(readFileSync(new URL('../fixtures/reports/ci-sample.json', import.meta.url), 'utf8')));
const finding = report.findings[0]!;

describe('fingerprintFinding', () => {
  it('is 16 lowercase hex characters', () => {
    expect(fingerprintFinding(finding)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('matches the fingerprints written in the CI sample report', () => {
    for (const each of report.findings) expect(fingerprintFinding(each)).toBe(each.fingerprint);
  });

  it('survives the paragraph moving: lines, columns, spans, quotes and modality do not count', () => {
    const moved: Finding = {
      ...finding,
      id: 'another-id',
      message: 'Reworded explanation.',
      confidence: 0.3,
      sides: finding.sides.map((side) => ({
        ...side,
        line: side.line + 40,
        column: 1,
        span: [side.span[0] + 1234, side.span[1] + 1234] as [number, number],
        quote: `Édité : ${side.quote}`,
      })),
    };
    expect(fingerprintFinding(moved)).toBe(finding.fingerprint);
  });

  it('does not depend on the order of sides or of values', () => {
    const base = { ruleId: 'event-date', fact: 'Years of the visits', sides: [{ doc: 'a', values: ['2016', '2022'] }, { doc: 'b', values: ['2002', '2016'] }] };
    const shuffled = { ...base, sides: [{ doc: 'b', values: ['2016', '2002'] }, { doc: 'a', values: ['2022', '2016'] }] };
    expect(fingerprintFinding(shuffled)).toBe(fingerprintFinding(base));
  });

  it('reads the fact as a key: case, accents, apostrophes and punctuation do not count', () => {
    expect(factKey('Date de l’accord — Paris–Berlin !')).toBe(factKey("date de l'accord paris berlin"));
    const a = fingerprintFinding({ ruleId: 'r', fact: 'Visite à Moscou', sides: [{ doc: 'a', values: ['1'] }] });
    const b = fingerprintFinding({ ruleId: 'r', fact: '  visite a MOSCOU.', sides: [{ doc: 'a', values: ['1'] }] });
    expect(a).toBe(b);
  });

  it('changes when a conflicting value changes', () => {
    const edited = { ...finding, sides: [{ ...finding.sides[0]!, values: ['2024-03-13'] }, finding.sides[1]!] };
    expect(fingerprintFinding(edited)).not.toBe(finding.fingerprint);
  });

  it('changes with the rule, the fact, or the documents in conflict', () => {
    expect(fingerprintFinding({ ...finding, ruleId: 'event-count' })).not.toBe(finding.fingerprint);
    expect(fingerprintFinding({ ...finding, fact: 'Date of another agreement' })).not.toBe(finding.fingerprint);
    expect(fingerprintFinding({ ...finding, sides: [{ ...finding.sides[0]!, doc: 'other-doc' }, finding.sides[1]!] })).not.toBe(finding.fingerprint);
  });

  it('keeps values apart: ["2016, 2022"] is not ["2016", "2022"], nor are values moved between documents', () => {
    const split = fingerprintFinding({ ruleId: 'r', fact: 'f', sides: [{ doc: 'a', values: ['2016', '2022'] }] });
    const joined = fingerprintFinding({ ruleId: 'r', fact: 'f', sides: [{ doc: 'a', values: ['2016, 2022'] }] });
    expect(split).not.toBe(joined);
    const swapped = fingerprintFinding({ ruleId: 'r', fact: 'f', sides: [{ doc: 'a', values: ['1'] }, { doc: 'b', values: ['2'] }] });
    const original = fingerprintFinding({ ruleId: 'r', fact: 'f', sides: [{ doc: 'a', values: ['2'] }, { doc: 'b', values: ['1'] }] });
    expect(swapped).not.toBe(original);
  });

  it('treats a repeated value or a repeated side as the same finding', () => {
    const once = fingerprintFinding({ ruleId: 'r', fact: 'f', sides: [{ doc: 'a', values: ['1'] }, { doc: 'b', values: ['2'] }] });
    const twice = fingerprintFinding({ ruleId: 'r', fact: 'f', sides: [{ doc: 'a', values: ['1', '1'] }, { doc: 'b', values: ['2'] }, { doc: 'a', values: ['1'] }] });
    expect(twice).toBe(once);
  });
});
