import { readFileSync } from 'node:fs';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { Report, type Finding } from '../../src/model/index.js';
import { formatSarif } from '../../src/report/sarif.js';
import type { FormatContext } from '../../src/report/types.js';
import { ajv, sarifSchema as schema, sarifSchemaText as schemaText, validateSarif } from '../sarif-schema.js';

const fixtureUrl = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);
const report = Report.parse(JSON.parse(readFileSync(fixtureUrl('reports/ci-sample.json'), 'utf8')));
const noTexts: FormatContext = { documents: new Map() };

// The schema and its validator, shared with the end-to-end tests (see ../sarif-schema.ts for how it is loaded).
const draft = schema.$schema;

function sarifOf(input: Report, context: FormatContext = noTexts): Log {
  const text = formatSarif(input, context);
  expect(validateSarif(JSON.parse(text)), ajv.errorsText(validateSarif.errors)).toBe(true);
  return JSON.parse(text) as Log;
}

function resultsOf(log: Log): Result[] {
  return log.runs[0]?.results ?? [];
}

function withFindings(findings: Finding[], documents = report.documents): Report {
  return { ...report, documents, findings, corroborated: [], problems: [] };
}

describe('the SARIF schema fixture', () => {
  it('is the draft-04 SARIF 2.1.0 schema, and needs nothing draft-07 reads differently', () => {
    expect(draft).toBe('http://json-schema.org/draft-04/schema#');
    expect(schema.title).toContain('SARIF) Version 2.1.0');
    expect(schemaText).not.toMatch(/"exclusiveM(in|ax)imum"/);
  });

  it('rejects what SARIF 2.1.0 forbids, so a passing validation means something', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } } }] })).toBe(true);
    expect(validateSarif({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {}, level: 'fatal' }] }] })).toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});

describe('formatSarif', () => {
  const log = sarifOf(report);
  const run = log.runs[0]!;
  const results = resultsOf(log);

  it('is a valid SARIF 2.1.0 log, also for an empty report', () => {
    expect(log.version).toBe('2.1.0');
    const empty = sarifOf(withFindings([]));
    expect(resultsOf(empty)).toEqual([]);
    expect(empty.runs[0]?.tool.driver.rules).toEqual([]);
  });

  it('names the tool and lists the rules present, sorted, with a short description', () => {
    expect(run.tool.driver.name).toBe('crosscheck');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.rules).toEqual([
      { id: 'event-count', shortDescription: { text: 'Event count' } },
      { id: 'event-date', shortDescription: { text: 'Event date' } },
      { id: 'plan-vs-held', shortDescription: { text: 'Plan vs held' } },
    ]);
    for (const result of results) expect(run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
  });

  it('emits one result per side, each located on its own side with the others as related locations', () => {
    expect(results).toHaveLength(6);
    const expected = report.findings.flatMap((finding) => finding.sides.map((side) => ({ finding, side })));
    results.forEach((result, index) => {
      const { finding, side } = expected[index]!;
      const path = report.documents.find((doc) => doc.id === side.doc)!.path;
      expect(result.ruleId).toBe(finding.ruleId);
      expect(result.locations).toHaveLength(1);
      expect(result.locations?.[0]?.physicalLocation).toMatchObject({
        artifactLocation: { uri: path, uriBaseId: '%SRCROOT%' },
        region: {
          startLine: side.line,
          startColumn: side.column,
          endLine: side.line,
          endColumn: side.column + (side.span[1] - side.span[0]),
          charOffset: side.span[0],
          charLength: side.span[1] - side.span[0],
        },
      });
      const other = finding.sides.find((candidate) => candidate !== side)!;
      expect(result.relatedLocations).toHaveLength(1);
      expect(result.relatedLocations?.[0]).toMatchObject({
        id: 1,
        physicalLocation: { region: { startLine: other.line, startColumn: other.column, charOffset: other.span[0] } },
      });
    });
  });

  it('maps severities to levels: error → error, warning → warning, info → note', () => {
    expect(results.map((result) => result.level)).toEqual(['error', 'error', 'warning', 'warning', 'note', 'note']);
  });

  it('puts message and hint in the text, links the other side, and keeps fingerprint and confidence', () => {
    const [first] = results;
    const finding = report.findings[0]!;
    expect(first?.message.text).toBe(
      'The French article dates the signing 14 March 2024, the English one 15 March 2024. ' +
        'Likely a one-day slip: both articles were published on 15 March; check the day of the signing.\n' +
        '[articles/2024/03/rail-pact-signed.md:8:88](1) says 2024-03-15.',
    );
    expect(first?.partialFingerprints).toEqual({ 'crosscheck/v1': finding.fingerprint });
    expect(first?.properties).toMatchObject({ confidence: 0.9, fact: finding.fact, values: ['2024-03-14'], modality: 'held' });
    // Both results of a finding share its fingerprint: they are two views of one contradiction.
    expect(results[1]?.partialFingerprints).toEqual(first?.partialFingerprints);
  });

  it('keeps quotes with markup characters verbatim in the related location message (JSON escapes them)', () => {
    const protesters = results[3]!;
    expect(protesters.relatedLocations?.[0]?.message?.text).toBe(
      '<50 (held): “Selon la préfecture : "moins de <50 manifestants, & aucun incident", a-t-elle indiqué.”',
    );
  });

  it('reports files that could not be checked as tool notifications', () => {
    expect(run.invocations?.[0]).toMatchObject({
      executionSuccessful: true,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: 'Not checked: unexpected end of file inside <table>; the article was skipped' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'articles/2024/03/brouillon-manif.html', uriBaseId: '%SRCROOT%' }, region: { startLine: 12 } } }],
        },
      ],
    });
  });

  it('counts columns in UTF-16 code units, as the pipeline does', () => {
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('is byte-identical from one run to the next and ends with a newline', () => {
    const once = formatSarif(report, noTexts);
    expect(formatSarif(structuredClone(report), noTexts)).toBe(once);
    expect(once.endsWith('}\n')).toBe(true);
    expect(once).not.toMatch(/Time(Utc)?"/);
  });

  it('satisfies the stricter OASIS errata: every region has a startLine', () => {
    const regions = results.flatMap((result) => [...(result.locations ?? []), ...(result.relatedLocations ?? [])].map((loc) => loc.physicalLocation?.region));
    expect(regions).toHaveLength(12);
    for (const region of regions) expect(region?.startLine).toBeGreaterThanOrEqual(1);
  });
});

describe('formatSarif locations', () => {
  const finding = report.findings[0]!;

  it('percent-encodes relative paths (spaces, accents, colons) and turns absolute paths into file URIs', () => {
    const documents = [
      { ...report.documents[0]!, path: './articles/été 2024/a:b.md' },
      { ...report.documents[1]!, path: '/srv/news/b.md' },
    ];
    const results = resultsOf(sarifOf(withFindings([finding], documents)));
    expect(results[0]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({
      uri: 'articles/%C3%A9t%C3%A9%202024/a%3Ab.md',
      uriBaseId: '%SRCROOT%',
    });
    expect(results[1]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: 'file:///srv/news/b.md' });
  });

  it('uses Windows paths with forward slashes', () => {
    const documents = [{ ...report.documents[0]!, path: 'articles\\2024\\a.md' }, { ...report.documents[1]!, path: 'C:\\news\\b.md' }];
    const results = resultsOf(sarifOf(withFindings([finding], documents)));
    expect(results[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('articles/2024/a.md');
    expect(results[1]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: 'file:///C:/news/b.md' });
  });

  it('computes the end of a value that wraps onto the next line from the article text, with a snippet', () => {
    const text = 'Titre\nSigné le 14\nmars 2024 à Strasbourg.\n';
    const start = text.indexOf('14');
    const side = { ...finding.sides[0]!, span: [start, start + '14\nmars 2024'.length] as [number, number], line: 2, column: 10 };
    const context: FormatContext = { documents: new Map([[side.doc, { path: 'a.md', text }]]) };
    const [result] = resultsOf(sarifOf(withFindings([{ ...finding, sides: [side, finding.sides[1]!] }]), context));
    expect(result?.locations?.[0]?.physicalLocation?.region).toEqual({
      startLine: 2,
      startColumn: 10,
      endLine: 3,
      endColumn: 10,
      charOffset: start,
      charLength: 12,
      snippet: { text: '14\nmars 2024' },
    });
  });

  it('escapes brackets in the message so they are not read as links', () => {
    const bracketed = { ...finding, message: 'Dates differ [see note]', hint: undefined };
    const [result] = resultsOf(sarifOf(withFindings([bracketed])));
    expect(result?.message.text?.split('\n')[0]).toBe('Dates differ \\[see note\\].');
  });
});
