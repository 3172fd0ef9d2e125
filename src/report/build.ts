import type { Document } from '../model/document.js';
import type { Corroboration, CorroborationDraft, Finding, FindingDraft, Side, SideDraft } from '../model/finding.js';
import type { Span } from '../model/mention.js';
import type { Report, ReportProblem } from '../model/report.js';
import { LineIndex } from '../text/line-index.js';
import { compareStrings, fingerprintFinding } from './fingerprint.js';

export interface BuildInput {
  documents: readonly Document[];
  /** Sentence spans per document id, to quote the sentence that carries a value (a Map, or a lookup). */
  sentences: Pick<ReadonlyMap<string, readonly Span[]>, 'get'>;
  findings: readonly FindingDraft[];
  corroborated: readonly CorroborationDraft[];
  events: ReadonlyArray<{ fact: string; docs: string[]; why: string }>;
  problems: readonly ReportProblem[];
  version: string;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Sources quoted per corroborated fact; the others are listed by id. A fact an archive repeats may have
 * thousands of sources: quoting them all made a 100,000-article report 150 MB, for nobody to read.
 */
export const MAX_CORROBORATION_SIDES = 12;

/**
 * Drafts → the Report: positions (line, column), verbatim quotes, fingerprints and ids; then the chain of
 * pure steps: dedupe by fingerprint, sort (severity, rule, first side), so output is byte-identical per input.
 */
export function buildReport(input: BuildInput): Report {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const indexes = new Map<string, LineIndex>();
  const place = (side: SideDraft): Side => {
    const doc = docs.get(side.doc);
    if (!doc) throw new Error(`finding cites unknown document ${side.doc}`);
    let index = indexes.get(doc.id);
    if (!index) indexes.set(doc.id, (index = new LineIndex(doc.text)));
    const { line, column } = index.position(side.span[0]);
    const sentence = side.sentence ?? input.sentences.get(doc.id)?.find((s) => s[0] <= side.span[0] && side.span[1] <= s[1]) ?? side.span;
    const out: Side = { doc: side.doc, values: side.values, modality: side.modality, span: side.span, line, column, quote: doc.text.slice(sentence[0], sentence[1]) };
    if (side.inferred !== undefined) out.inferred = side.inferred;
    return out;
  };
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const draft of input.findings) {
    const fingerprint = fingerprintFinding(draft);
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    const finding: Finding = {
      id: '',
      ruleId: draft.ruleId,
      severity: draft.severity,
      fact: draft.fact,
      message: draft.message,
      sides: draft.sides.map(place),
      confidence: Math.round(draft.confidence * 100) / 100,
      fingerprint,
    };
    if (draft.hint) finding.hint = draft.hint;
    findings.push(finding);
  }
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.sides[0]!.doc, b.sides[0]!.doc) ||
      a.sides[0]!.span[0] - b.sides[0]!.span[0] ||
      compareStrings(a.fingerprint, b.fingerprint),
  );
  findings.forEach((finding, i) => (finding.id = `F${String(i + 1).padStart(3, '0')}`));
  const corroborated: Corroboration[] = input.corroborated
    .map((c) => {
      const out: Corroboration = { ruleId: c.ruleId, fact: c.fact, value: c.value, sides: c.sides.slice(0, MAX_CORROBORATION_SIDES).map(place) };
      if (c.sides.length > MAX_CORROBORATION_SIDES) out.moreDocs = c.sides.slice(MAX_CORROBORATION_SIDES).map((side) => side.doc);
      return out;
    })
    .sort((a, b) => compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fact, b.fact));
  const documents = [...input.documents]
    .sort((a, b) => compareStrings(a.id, b.id))
    .map((d) => {
      const out: Report['documents'][number] = {
        id: d.id,
        path: d.path,
        lang: d.lang,
        published: d.published?.value ?? null,
        publishedPrecision: d.published?.precision ?? null,
      };
      if (d.title) out.title = d.title;
      return out;
    });
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  return {
    tool: { name: 'crosscheck', version: input.version },
    documents,
    findings,
    corroborated,
    events: [...input.events].sort((a, b) => compareStrings(a.fact, b.fact)),
    problems: [...input.problems],
    summary: { documents: documents.length, error: count('error'), warning: count('warning'), info: count('info'), corroborated: corroborated.length },
  };
}
