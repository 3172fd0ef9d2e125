import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/model/index.js';
import { escapeAttribute, escapeText, formatJunit } from '../../src/report/junit.js';
import type { FormatContext } from '../../src/report/types.js';

const report = Report.parse(JSON.parse(readFileSync(new URL('../fixtures/reports/ci-sample.json', import.meta.url), 'utf8')));
const noTexts: FormatContext = { documents: new Map() };

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A deliberately small XML reader for the subset the formatter writes (declaration, elements,
 * attributes in double quotes, text, the five entities and numeric references). It throws on anything
 * a real parser would reject in that subset: unbalanced tags, a raw `<` or `&` in text, a raw `<` or
 * `"` in an attribute.
 */
function parseXml(xml: string): XmlElement {
  const decode = (raw: string): string => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(raw)) throw new Error(`bare & in ${JSON.stringify(raw)}`);
    return raw.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, entity: string) =>
      entity.startsWith('#') ? String.fromCodePoint(Number(entity.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[entity]!,
    );
  };
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([\w-]+)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = match;
    const current = stack[stack.length - 1]!;
    if (text !== undefined) {
      current.text += decode(text);
    } else if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of (attrs ?? '').matchAll(/([\w-]+)="([^"]*)"/g)) attributes[key!] = decode(value!);
      const element: XmlElement = { name: name!, attributes, children: [], text: '' };
      current.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (consumed !== body.length) throw new Error(`unparsed XML at ${consumed}: ${body.slice(consumed, consumed + 40)}`);
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  const [top] = root.children.filter((child) => child.name !== '#text');
  return top!;
}

describe('formatJunit', () => {
  const xml = formatJunit(report, noTexts);
  const suite = parseXml(xml);
  const cases = suite.children.filter((child) => child.name === 'testcase');

  it('writes one well-formed testsuite named crosscheck with the counts', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuite ')).toBe(true);
    expect(suite.name).toBe('testsuite');
    // 3 findings + 1 corroborated fact + 1 unreadable file.
    expect(suite.attributes).toEqual({ name: 'crosscheck', tests: '5', failures: '2', errors: '1', skipped: '0' });
    expect(cases).toHaveLength(5);
  });

  it('records the tool version and the number of documents', () => {
    const properties = suite.children.find((child) => child.name === 'properties')!.children;
    expect(properties.map((property) => property.attributes)).toEqual([
      { name: 'crosscheck.version', value: '0.1.0' },
      { name: 'crosscheck.documents', value: '3' },
    ]);
  });

  it('makes error and warning findings failures named after the fact, classed by rule', () => {
    const [date, protesters] = cases;
    expect(date?.attributes).toEqual({
      classname: 'crosscheck.event-date',
      name: 'Date of the signing of the Paris–Berlin high-speed rail agreement in Strasbourg',
      file: 'articles/2024/03/accord-ferroviaire-strasbourg.md',
    });
    const failure = date?.children.find((child) => child.name === 'failure');
    expect(failure?.attributes).toEqual({ message: report.findings[0]!.message, type: 'error' });
    expect(failure?.text).toBe(
      [
        'event-date · error · confidence 90% · fingerprint 1ae2c7c67c8b6f57',
        'The French article dates the signing 14 March 2024, the English one 15 March 2024.',
        'Hint: Likely a one-day slip: both articles were published on 15 March; check the day of the signing.',
        "- articles/2024/03/accord-ferroviaire-strasbourg.md:8:68: 2024-03-14 (held): “L'accord sur la ligne à grande vitesse Paris–Berlin a été signé le 14 mars 2024 à Strasbourg par les ministres des Transports.”",
        '- articles/2024/03/rail-pact-signed.md:8:88: 2024-03-15 (held): “Transport ministers signed the Paris–Berlin high-speed rail agreement in Strasbourg on March 15, 2024.”',
      ].join('\n'),
    );
    expect(protesters?.children.find((child) => child.name === 'failure')?.attributes.type).toBe('warning');
  });

  it('escapes <, &, ", \' and : , in text and attributes, and they read back verbatim', () => {
    expect(xml).toContain('“Selon la préfecture : "moins de &lt;50 manifestants, &amp; aucun incident", a-t-elle indiqué.”');
    const failure = cases[1]!.children.find((child) => child.name === 'failure')!;
    expect(failure.text).toContain('“Selon la préfecture : "moins de <50 manifestants, & aucun incident", a-t-elle indiqué.”');
    expect(cases[0]!.attributes.name).toContain('Paris–Berlin');
    expect(escapeAttribute(`say "it's" <b> & co`)).toBe('say &quot;it&apos;s&quot; &lt;b&gt; &amp; co');
  });

  it('keeps an info finding passing, with its details in system-out', () => {
    const info = cases[2]!;
    expect(info.attributes.classname).toBe('crosscheck.plan-vs-held');
    expect(info.children.map((child) => child.name)).toEqual(['system-out']);
    expect(info.children[0]?.text.startsWith('info (does not fail): plan-vs-held · info · confidence 95%')).toBe(true);
  });

  it('lists each corroborated fact as a passing test case', () => {
    const agreed = cases[3]!;
    expect(agreed.attributes).toMatchObject({ classname: 'crosscheck.event-place', name: 'Place of the signing of the Paris–Berlin high-speed rail agreement' });
    expect(agreed.children.map((child) => child.name)).toEqual(['system-out']);
    expect(agreed.children[0]?.text.split('\n')[0]).toBe('Corroborated: Strasbourg');
  });

  it('reports a file that could not be checked as an error case', () => {
    const problem = cases[4]!;
    expect(problem.attributes).toEqual({ classname: 'crosscheck.input', name: 'Read articles/2024/03/brouillon-manif.html', file: 'articles/2024/03/brouillon-manif.html' });
    expect(problem.children[0]).toMatchObject({
      name: 'error',
      attributes: { type: 'input', message: 'unexpected end of file inside <table>; the article was skipped' },
    });
  });

  it('keeps line breaks inside attributes and drops characters XML cannot hold', () => {
    const odd = { ...report.findings[0]!, message: 'line one\nline two\u0007 end\uD800' };
    const parsed = parseXml(formatJunit({ ...report, findings: [odd], corroborated: [], problems: [] }, noTexts));
    const failure = parsed.children.find((child) => child.name === 'testcase')!.children[0]!;
    expect(failure.attributes.message).toBe('line one\nline two\uFFFD end\uFFFD');
    expect(escapeText('a\u0000b')).toBe('a\uFFFDb');
  });

  it('numbers test cases that would otherwise share a class and a name', () => {
    const twice = { ...report, findings: [report.findings[0]!, { ...report.findings[0]!, id: 'again' }], corroborated: [], problems: [] };
    const names = parseXml(formatJunit(twice, noTexts))
      .children.filter((child) => child.name === 'testcase')
      .map((child) => child.attributes.name);
    expect(names).toEqual([report.findings[0]!.fact, `${report.findings[0]!.fact} (#2)`]);
  });

  it('is byte-identical from one run to the next, with no timestamps', () => {
    expect(formatJunit(structuredClone(report), noTexts)).toBe(xml);
    expect(xml).not.toMatch(/timestamp=|time=/);
  });

  it('writes a valid empty suite for a clean report', () => {
    const empty = parseXml(formatJunit({ ...report, findings: [], corroborated: [], problems: [] }, noTexts));
    expect(empty.attributes).toMatchObject({ tests: '0', failures: '0', errors: '0' });
  });
});
