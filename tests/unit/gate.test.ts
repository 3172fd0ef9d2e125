import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CrosscheckError, Report, type Finding, type Severity } from '../../src/model/index.js';
import { gate } from '../../src/report/gate.js';

const report = Report.parse(JSON.parse(readFileSync(new URL('../fixtures/reports/ci-sample.json', import.meta.url), 'utf8')));
const template = report.findings[0]!;

function finding(severity: Severity, confidence = 0.9): Finding {
  return { ...template, severity, confidence };
}

describe('gate', () => {
  it('passes when there is nothing to report', () => {
    expect(gate([], { failOn: 'error' })).toEqual({ exitCode: 0, reason: 'no findings' });
  });

  it('fails on the CI sample (1 error, 1 warning, 1 info) at the default threshold', () => {
    expect(gate(report.findings, { failOn: 'error' })).toEqual({ exitCode: 1, reason: '1 finding at or above --fail-on error (1 error)' });
  });

  it('fails only at or above the threshold', () => {
    const warningsAndInfo = [finding('warning'), finding('info')];
    expect(gate(warningsAndInfo, { failOn: 'error' })).toEqual({
      exitCode: 0,
      reason: 'no finding at or above --fail-on error (1 warning, 1 info)',
    });
    expect(gate(warningsAndInfo, { failOn: 'warning' })).toEqual({ exitCode: 1, reason: '1 finding at or above --fail-on warning (1 warning)' });
    expect(gate([finding('info')], { failOn: 'warning' }).exitCode).toBe(0);
    expect(gate([finding('info')], { failOn: 'info' })).toEqual({ exitCode: 1, reason: '1 finding at or above --fail-on info (1 info)' });
    expect(gate([finding('error'), finding('error'), finding('warning')], { failOn: 'warning' }).reason).toBe(
      '3 findings at or above --fail-on warning (2 errors, 1 warning)',
    );
  });

  it('never fails with --fail-on never, whatever the findings', () => {
    expect(gate(report.findings, { failOn: 'never' })).toEqual({
      exitCode: 0,
      reason: '--fail-on never: 3 findings reported, none fails the run',
    });
  });

  it('fails when warnings exceed --max-warnings, even below the threshold or with --fail-on never', () => {
    const threeWarnings = [finding('warning'), finding('warning'), finding('warning')];
    expect(gate(threeWarnings, { failOn: 'error', maxWarnings: 3 }).exitCode).toBe(0);
    expect(gate(threeWarnings, { failOn: 'error', maxWarnings: 2 })).toEqual({ exitCode: 1, reason: '3 warnings exceed --max-warnings 2' });
    expect(gate(threeWarnings, { failOn: 'never', maxWarnings: 0 }).exitCode).toBe(1);
    expect(gate([finding('error'), finding('info')], { failOn: 'never', maxWarnings: 0 }).exitCode).toBe(0);
  });

  it('gives both reasons when both apply', () => {
    expect(gate([finding('error'), finding('warning'), finding('warning')], { failOn: 'error', maxWarnings: 1 }).reason).toBe(
      '1 finding at or above --fail-on error (1 error); 2 warnings exceed --max-warnings 1',
    );
  });

  it('does not count findings below --min-confidence, for the threshold or for --max-warnings', () => {
    const unsure = [finding('error', 0.4), finding('warning', 0.4)];
    expect(gate(unsure, { failOn: 'warning', maxWarnings: 0, minConfidence: 0.5 })).toEqual({
      exitCode: 0,
      reason: 'no finding counted; 2 findings below --min-confidence 0.5 not counted',
    });
    expect(gate([finding('error', 0.5)], { failOn: 'error', minConfidence: 0.5 }).exitCode).toBe(1);
    expect(gate([finding('error', 0.4), finding('error', 0.8)], { failOn: 'error', minConfidence: 0.5 }).reason).toBe(
      '1 finding at or above --fail-on error (1 error); 1 finding below --min-confidence 0.5 not counted',
    );
  });

  it('counts every finding when --min-confidence is not given (default 0)', () => {
    expect(gate([finding('error', 0)], { failOn: 'error' }).exitCode).toBe(1);
  });

  it('rejects impossible options as usage errors', () => {
    expect(() => gate([], { failOn: 'error', maxWarnings: -1 })).toThrow(CrosscheckError);
    expect(() => gate([], { failOn: 'error', maxWarnings: 1.5 })).toThrow(/--max-warnings/);
    expect(() => gate([], { failOn: 'error', minConfidence: 2 })).toThrow(/--min-confidence must be between 0 and 1/);
    try {
      gate([], { failOn: 'error', minConfidence: Number.NaN });
    } catch (error) {
      expect((error as CrosscheckError).code).toBe('usage');
    }
    expect.assertions(4);
  });
});
