import type { Document } from '../model/document.js';
import { keptCorroboration, type Corroboration, type CorroborationDraft, type Finding, type FindingDraft, type Side, type SideDraft } from '../model/finding.js';
import type { Span } from '../model/mention.js';
import type { Report, ReportProblem } from '../model/report.js';
import { LineIndex } from '../text/line-index.js';
import { compareStrings, fingerprintFinding } from './fingerprint.js';
import { pushTo } from '../util/collections.js';
import { copyOf } from '../util/strings.js';

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
 * Drafts → the Report: positions (line, column), verbatim quotes, fingerprints and ids; then the chain of
 * pure steps: dedupe by fingerprint, sort (severity, rule, first side), so output is byte-identical per input.
 */
export function buildReport(input: BuildInput): Report {
  const kept: FindingDraft[] = [];
  const fingerprints: string[] = [];
  const seen = new Set<string>();
  for (const draft of input.findings) {
    const fingerprint = fingerprintFinding(draft);
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    kept.push(draft);
    fingerprints.push(fingerprint);
  }
  // As a run keeps them (the corpus stage has already): the sides quoted, the other sources by id.
  const agreed = input.corroborated.map((c) => keptCorroboration(c));
  const place = placeSides(input, [...kept.flatMap((draft) => draft.sides), ...agreed.flatMap((c) => c.sides)]);
  const findings: Finding[] = kept.map((draft, i) => {
    const finding: Finding = {
      id: '',
      ruleId: draft.ruleId,
      severity: draft.severity,
      fact: draft.fact,
      message: draft.message,
      sides: draft.sides.map(place),
      confidence: Math.round(draft.confidence * 100) / 100,
      fingerprint: fingerprints[i]!,
    };
    if (draft.hint) finding.hint = draft.hint;
    return finding;
  });
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.sides[0]!.doc, b.sides[0]!.doc) ||
      a.sides[0]!.span[0] - b.sides[0]!.span[0] ||
      compareStrings(a.fingerprint, b.fingerprint),
  );
  findings.forEach((finding, i) => (finding.id = `F${String(i + 1).padStart(3, '0')}`));
  const corroborated: Corroboration[] = agreed
    .map((c) => {
      const out: Corroboration = { ruleId: c.ruleId, fact: c.fact, value: c.value, sides: c.sides.map(place) };
      if (c.moreDocs?.length) out.moreDocs = c.moreDocs;
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

/**
 * Each side's line, column and quote, article by article: an article's text is read once for all the sides
 * that cite it and let go before the next (a text held as bytes is decoded on each read, see
 * model/stored-text.ts: a report citing most of a large archive never holds all its texts at once). A quote
 * is copied out of the text, so that it does not keep the whole text alive (V8 keeps a slice's source).
 */
function placeSides(input: BuildInput, drafts: readonly SideDraft[]): (draft: SideDraft) => Side {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const byDoc = new Map<string, SideDraft[]>();
  for (const draft of drafts) {
    if (!docs.has(draft.doc)) throw new Error(`finding cites unknown document ${draft.doc}`);
    pushTo(byDoc, draft.doc, draft);
  }
  const placed = new Map<SideDraft, Side>();
  for (const [id, sides] of byDoc) {
    const text = docs.get(id)!.text;
    const index = new LineIndex(text);
    const sentences = input.sentences.get(id);
    for (const side of sides) {
      if (placed.has(side)) continue;
      const { line, column } = index.position(side.span[0]);
      const sentence = side.sentence ?? sentences?.find((s) => s[0] <= side.span[0] && side.span[1] <= s[1]) ?? side.span;
      const out: Side = { doc: side.doc, values: side.values, modality: side.modality, span: side.span, line, column, quote: copyOf(text.slice(sentence[0], sentence[1])) };
      if (side.inferred !== undefined) out.inferred = side.inferred;
      placed.set(side, out);
    }
  }
  return (draft) => placed.get(draft)!;
}
