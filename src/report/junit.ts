import type { Corroboration, Finding, Side } from '../model/index.js';
import { documentsById, formatConfidence, formatValues } from './html/present.js';
import { documentPath } from './sarif.js';
import type { Formatter } from './types.js';

/**
 * `reports/discrepancies.junit.xml`, for CI systems that show test reports (GitLab, Jenkins, Azure).
 * One test case per fact checked: an error or warning finding is a failing case; an info finding
 * passes with a `<system-out>` note; each corroborated fact passes; a file that could not be checked
 * is an `<error>` case. Deterministic: report order, no timestamps or durations.
 */
export const formatJunit: Formatter = (report, context) => {
  const docs = documentsById(report.documents);
  const pathOf = (side: Side): string => documentPath(side.doc, docs, context);
  const cases = [
    ...report.findings.map((finding) => findingCase(finding, pathOf)),
    ...report.corroborated.map((fact) => corroboratedCase(fact, pathOf)),
    ...report.problems.map(
      (problem): TestCase => ({
        classname: 'crosscheck.input',
        name: `Read ${problem.path}`,
        file: problem.path.replaceAll('\\', '/'),
        outcome: { element: 'error', type: 'input', message: problem.message, body: `${problem.path}${problem.line ? `:${problem.line}` : ''}: ${problem.message}` },
      }),
    ),
  ];
  const failures = cases.filter((testCase) => testCase.outcome?.element === 'failure').length;
  const errors = cases.filter((testCase) => testCase.outcome?.element === 'error').length;

  const seen = new Map<string, number>();
  const body = cases.map((testCase) => {
    // Same rule and fact twice (two pairs of articles) would read as one test in most viewers.
    const key = `${testCase.classname}\u0000${testCase.name}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return renderCase(count > 1 ? { ...testCase, name: `${testCase.name} (#${count})` } : testCase);
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite ${attributes([
      ['name', 'crosscheck'],
      ['tests', cases.length],
      ['failures', failures],
      ['errors', errors],
      ['skipped', 0],
    ])}>`,
    '  <properties>',
    `    <property ${attributes([['name', 'crosscheck.version'], ['value', report.tool.version]])}/>`,
    `    <property ${attributes([['name', 'crosscheck.documents'], ['value', report.documents.length]])}/>`,
    '  </properties>',
    ...body,
    '</testsuite>',
    '',
  ].join('\n');
};

interface TestCase {
  classname: string;
  name: string;
  file?: string;
  outcome?: { element: 'failure' | 'error'; type: string; message: string; body: string };
  systemOut?: string;
}

function findingCase(finding: Finding, pathOf: (side: Side) => string): TestCase {
  const details = [
    `${finding.ruleId} · ${finding.severity} · confidence ${formatConfidence(finding.confidence)} · fingerprint ${finding.fingerprint}`,
    finding.message,
    ...(finding.hint ? [`Hint: ${finding.hint}`] : []),
    ...finding.sides.map((side) => sideLine(side, pathOf)),
  ].join('\n');
  const base = { classname: `crosscheck.${finding.ruleId}`, name: finding.fact, file: firstPath(finding.sides, pathOf) };
  if (finding.severity === 'info') return { ...base, systemOut: `info (does not fail): ${details}` };
  return { ...base, outcome: { element: 'failure', type: finding.severity, message: finding.message, body: details } };
}

function corroboratedCase(fact: Corroboration, pathOf: (side: Side) => string): TestCase {
  return {
    classname: `crosscheck.${fact.ruleId}`,
    name: fact.fact,
    file: firstPath(fact.sides, pathOf),
    systemOut: [
      `Corroborated: ${fact.value}`,
      ...fact.sides.map((side) => sideLine(side, pathOf)),
      ...(fact.moreDocs?.length ? [`- and ${fact.moreDocs.length} more`] : []),
    ].join('\n'),
  };
}

function sideLine(side: Side, pathOf: (side: Side) => string): string {
  return `- ${pathOf(side)}:${side.line}:${side.column}: ${formatValues(side)} (${side.modality}): “${side.quote}”`;
}

function firstPath(sides: readonly Side[], pathOf: (side: Side) => string): string | undefined {
  const first = sides[0];
  return first === undefined ? undefined : pathOf(first);
}

function renderCase(testCase: TestCase): string {
  const open = `  <testcase ${attributes([
    ['classname', testCase.classname],
    ['name', testCase.name],
    ['file', testCase.file],
  ])}`;
  const children = [
    ...(testCase.outcome
      ? [
          `    <${testCase.outcome.element} ${attributes([
            ['message', testCase.outcome.message],
            ['type', testCase.outcome.type],
          ])}>${escapeText(testCase.outcome.body)}</${testCase.outcome.element}>`,
        ]
      : []),
    ...(testCase.systemOut !== undefined ? [`    <system-out>${escapeText(testCase.systemOut)}</system-out>`] : []),
  ];
  return children.length > 0 ? [`${open}>`, ...children, '  </testcase>'].join('\n') : `${open}/>`;
}

function attributes(pairs: [string, string | number | undefined][]): string {
  return pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined)
    .map(([key, value]) => `${key}="${escapeAttribute(String(value))}"`)
    .join(' ');
}

/**
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become
 * U+FFFD, so an odd byte in an article never makes the whole report unparseable.
 */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function escapeText(text: string): string {
  return xmlSafe(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Attribute values also escape quotes, and keep line breaks and tabs (which parsers would turn into spaces). */
export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
}
