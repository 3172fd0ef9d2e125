import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Report, type Finding, type Severity } from '../../src/model/index.js';
import { createBaseline, type Baseline } from '../../src/report/baseline.js';
import { keepInvolving, runSteps, selectReport, suppressByBaseline, suppressInline } from '../../src/report/select.js';
import { parseSuppressions, SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION } from '../../src/report/suppressions.js';

const sample = Report.parse(JSON.parse(readFileSync(new URL('../fixtures/reports/ci-sample.json', import.meta.url), 'utf8')));
const template = sample.findings[0]!;
const docTemplate = sample.documents[0]!;

/** A finding of `ruleId` whose sides are `doc:line` pairs; its fingerprint is its name, so tests can baseline it. */
function finding(name: string, severity: Severity, ruleId: string, sides: Array<[string, number]>): Finding {
  return {
    ...template,
    id: name,
    ruleId,
    severity,
    fingerprint: name,
    sides: sides.map(([doc, line]) => ({ ...template.sides[0]!, doc, line, column: 1, span: [line * 100, line * 100 + 4] })),
  };
}

// One new article (`new`) checked against a two-article archive (`old1`, `old2`).
const newVsOld = finding('f-new-old1', 'error', 'event/visit', [['new', 3], ['old1', 5]]);
const oldVsOld = finding('f-old1-old2', 'warning', 'event/session', [['old1', 7], ['old2', 2]]);
const newVsOld2 = finding('f-new-old2', 'info', 'consistency/name-spelling', [['new', 4], ['old2', 9]]);
const report: Report = {
  ...sample,
  documents: ['new', 'old1', 'old2', 'old3'].map((id) => ({ ...docTemplate, id, path: `articles/${id}.md` })),
  findings: [newVsOld, oldVsOld, newVsOld2],
  corroborated: [
    { ...sample.corroborated[0]!, fact: 'archive only', sides: [newVsOld.sides[1]!, oldVsOld.sides[1]!] },
    { ...sample.corroborated[0]!, fact: 'new and old3', sides: [newVsOld.sides[0]!, { ...newVsOld.sides[1]!, doc: 'old3' }] },
  ],
  events: [
    { fact: 'archive event', docs: ['old1', 'old2'], why: 'same' },
    { fact: 'new event', docs: ['new', 'old2'], why: 'same' },
  ],
  summary: { documents: 4, error: 1, warning: 1, info: 1, corroborated: 2 },
};
const NEW = new Set(['new']);

const ids = (findings: readonly Finding[]) => findings.map((f) => f.id);

describe('keepInvolving', () => {
  it('keeps only findings with at least one side in a new document', () => {
    const { findings } = runSteps(report.findings, [keepInvolving(NEW)]);
    expect(ids(findings)).toEqual(['f-new-old1', 'f-new-old2']);
  });
});

describe('selectReport', () => {
  it('changes nothing without options', () => {
    const selection = selectReport(report);
    expect(selection.report).toEqual(report);
    expect([selection.suppressed, selection.baselined, selection.unmatchedBaseline]).toEqual([[], [], []]);
  });

  it('with new documents, lists them and the archive articles the report cites, and recounts the summary', () => {
    const { report: selected } = selectReport(report, { newDocs: NEW });
    expect(ids(selected.findings)).toEqual(['f-new-old1', 'f-new-old2']);
    expect(selected.corroborated.map((c) => c.fact)).toEqual(['new and old3']);
    expect(selected.events.map((e) => e.fact)).toEqual(['new event']);
    // old3 is cited by a corroboration only, old1 and old2 by findings; nothing in the archive is left out that the report cites.
    expect(selected.documents.map((d) => d.id)).toEqual(['new', 'old1', 'old2', 'old3']);
    expect(selected.summary).toEqual({ documents: 4, error: 1, warning: 0, info: 1, corroborated: 1 });
  });

  it('keeps a corroboration whose new document is among the sources listed by id only (moreDocs)', () => {
    const many: Report = {
      ...report,
      findings: [],
      events: [],
      corroborated: [{ ...sample.corroborated[0]!, fact: 'repeated', sides: [oldVsOld.sides[0]!, oldVsOld.sides[1]!], moreDocs: ['old3', 'new'] }],
    };
    expect(selectReport(many, { newDocs: NEW }).report.corroborated.map((c) => c.fact)).toEqual(['repeated']);
    expect(selectReport({ ...many, corroborated: [{ ...many.corroborated[0]!, moreDocs: ['old3'] }] }, { newDocs: NEW }).report.corroborated).toEqual([]);
  });

  it('leaves out archive articles nothing cites', () => {
    const lonely: Report = { ...report, findings: [newVsOld], corroborated: [], events: [] };
    expect(selectReport(lonely, { newDocs: NEW }).report.documents.map((d) => d.id)).toEqual(['new', 'old1']);
  });
});

describe('the baseline in the chain', () => {
  const baseline: Baseline = createBaseline(report);

  it('hides every accepted finding; the gate sees none', () => {
    const selection = selectReport(report, { baseline });
    expect(selection.report.findings).toEqual([]);
    expect(selection.report.summary).toMatchObject({ error: 0, warning: 0, info: 0 });
    expect(ids(selection.baselined)).toEqual(['f-new-old1', 'f-old1-old2', 'f-new-old2']);
    expect(selection.unmatchedBaseline).toEqual([]);
  });

  it('is applied before the new-document filter: an archive-only entry still matches, so --prune keeps it', () => {
    const selection = selectReport(report, { baseline, newDocs: NEW });
    expect(selection.unmatchedBaseline).toEqual([]);
    // Counted like the report: only where the new article is involved.
    expect(ids(selection.baselined)).toEqual(['f-new-old1', 'f-new-old2']);
  });

  it('reports a changed value: the new fingerprint is kept, the old entry no longer matches', () => {
    const changed = { ...newVsOld, fingerprint: 'f-new-old1-after-edit' };
    const selection = selectReport({ ...report, findings: [changed, oldVsOld] }, { baseline, newDocs: NEW });
    expect(selection.report.findings.map((f) => f.fingerprint)).toEqual(['f-new-old1-after-edit']);
    expect(selection.unmatchedBaseline.map((e) => e.fingerprint).sort()).toEqual(['f-new-old1', 'f-new-old2']);
  });
});

describe('inline suppressions in the chain', () => {
  // Line 3 of "new" holds the visit years; the comment on line 2 covers it.
  const withReason = parseSuppressions('new', 'Titre\n<!-- crosscheck-disable-next-line event/visit -- l’agence a corrigé -->\nEn 2015 et 2021…\nFin.\n');
  const withoutReason = parseSuppressions('new', 'Titre\n<!-- crosscheck-disable-next-line event/visit -->\nEn 2015 et 2021…\nFin.\n');

  it('hides the finding, with a reason and no problem', () => {
    const selection = selectReport(report, { suppressions: withReason, newDocs: NEW });
    expect(ids(selection.report.findings)).toEqual(['f-new-old2']);
    expect(ids(selection.suppressed)).toEqual(['f-new-old1']);
  });

  it('adds a warning when the reason is missing, in severity order with the other findings', () => {
    const selection = selectReport(report, { suppressions: withoutReason, newDocs: NEW });
    expect(selection.report.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      [SUPPRESSION_WITHOUT_REASON, 'warning'],
      ['consistency/name-spelling', 'info'],
    ]);
    expect(selection.report.findings[0]!.sides[0]).toMatchObject({ doc: 'new', line: 2 });
    expect(selection.report.summary).toMatchObject({ error: 0, warning: 1, info: 1 });
  });

  it('reports an unused suppression as info', () => {
    const unused = parseSuppressions('new', 'a\n<!-- crosscheck-disable-next-line event/meeting -- no meeting here -->\nb\n');
    const { report: selected } = selectReport(report, { suppressions: unused });
    expect(selected.findings.filter((f) => f.ruleId === UNUSED_SUPPRESSION).map((f) => f.severity)).toEqual(['info']);
  });

  it('drops the archive’s own suppression problems with --against: they are not the new article’s', () => {
    const archiveComment = parseSuppressions('old2', 'x\n<!-- crosscheck-disable-next-line event/meeting -->\ny\n');
    const selection = selectReport(report, { suppressions: archiveComment, newDocs: NEW });
    expect(ids(selection.report.findings)).toEqual(['f-new-old1', 'f-new-old2']);
  });

  it('runs before the baseline: a finding both suppressed and baselined is not a stale entry', () => {
    const baseline = createBaseline(report);
    const selection = selectReport(report, { suppressions: withReason, baseline, newDocs: NEW });
    expect(ids(selection.suppressed)).toEqual(['f-new-old1']);
    expect(ids(selection.baselined)).toEqual(['f-new-old2']);
    expect(selection.unmatchedBaseline).toEqual([]);
  });

  it('is a chain of plain steps that can be composed by hand', () => {
    const { findings, record } = runSteps(report.findings, [suppressInline(withReason), suppressByBaseline(createBaseline({ ...report, findings: [oldVsOld] }))]);
    expect(ids(findings)).toEqual(['f-new-old2']);
    expect(ids(record.suppressed)).toEqual(['f-new-old1']);
    expect(ids(record.baselined)).toEqual(['f-old1-old2']);
  });
});
