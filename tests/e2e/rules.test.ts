import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../src/model/report.js';
import { tempFolder } from '../helpers.js';
import { crosscheck } from './cli.js';

// A new beat, written by a user in a folder outside the repository: the death toll of one event (a YAML
// quantity rule) and the number of people missing (a TypeScript rule), checked by the real CLI.

const DEATHS_YAML = `id: toll/deaths
kind: quantity
description: Articles about one event agree on its death toll.
severity: error
quantity:
  what: death toll
  triggers:
    fr: [morts, tués]
    en: [killed, dead]
`;

const MISSING_TS = `import { defineRule, z } from 'crosscheck';

export default defineRule({
  meta: {
    id: 'toll/missing',
    description: 'Articles agree on how many people are missing.',
    severity: 'warning',
    messages: { differs: '{{a}} reports {{aValue}} missing, {{b}} reports {{bValue}}.' },
    schema: z.object({ tolerance: z.number().int().min(0).default(0) }),
    triggers: { fr: ['disparus', 'disparues'], en: ['missing'] },
  },
  extract(analysis, context) {
    return context.triggers.flatMap((trigger) => {
      const sentence = context.sentenceOf(trigger.span);
      const number = sentence ? context.mentionsIn([sentence[0], trigger.span[0]], 'number').at(-1) : undefined;
      return number ? [context.claim({ trigger, values: [number], attribute: 'count' })] : [];
    });
  },
  compare(claims, context) {
    const firsts = [...context.groupBy(claims, (claim) => claim.doc).values()].map((group) => group[0]!);
    for (const [i, a] of firsts.entries()) {
      for (const b of firsts.slice(i + 1)) {
        if (Math.abs(a.values[0]!.number! - b.values[0]!.number!) <= context.options.tolerance) continue;
        context.report({
          messageId: 'differs',
          data: { a: a.doc, aValue: a.values[0]!.value, b: b.doc, bValue: b.values[0]!.value },
          fact: 'number of people missing',
          sides: [context.side(a), context.side(b)],
        });
      }
    }
  },
});
`;

const ARTICLES = {
  'articles/fr.txt': " date 2025-03-02\nL'effondrement d'un immeuble à Lisbonne a fait 12 morts samedi. Trois personnes sont portées disparues.\n",
  'articles/en.txt': ' date 2025-03-02\n15 people were killed when a building collapsed in Lisbon on Saturday. Five people remain missing.\n',
};

function jsonReport(dir: string): Report {
  return Report.parse(JSON.parse(readFileSync(join(dir, 'out', 'discrepancies.json'), 'utf8')));
}

describe('a user’s YAML and TypeScript rules, run by the real CLI', () => {
  let project: string;

  beforeAll(() => {
    project = tempFolder({ 'rules/deaths.yaml': DEATHS_YAML, 'rules/missing.ts': MISSING_TS, ...ARTICLES });
  });

  it('finds the death toll discrepancy with both sides cited, and the missing count from the TypeScript rule', () => {
    const run = crosscheck(['check', 'articles', '--rules', 'rules', '--format', 'json', '--format', 'terminal', '--out', 'out'], { cwd: project });
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(1);
    const report = jsonReport(project);
    const deaths = report.findings.find((f) => f.ruleId === 'toll/deaths');
    expect(deaths).toMatchObject({ severity: 'error', fact: 'death toll in Lisbon' });
    expect(deaths!.sides.map((s) => [s.doc, s.values, s.line, s.quote])).toEqual([
      ['en', ['15'], 2, '15 people were killed when a building collapsed in Lisbon on Saturday.'],
      ['fr', ['12'], 2, "L'effondrement d'un immeuble à Lisbonne a fait 12 morts samedi."],
    ]);
    expect(deaths!.message).toBe('en says 15 ("15 people were killed") and fr says 12 ("12 morts"): the death toll does not match.');
    const missing = report.findings.find((f) => f.ruleId === 'toll/missing');
    expect(missing).toMatchObject({ severity: 'warning', message: 'en reports 5 missing, fr reports 3.' });
    expect(missing!.sides.map((s) => [s.doc, s.values, s.quote])).toEqual([
      ['en', ['5'], 'Five people remain missing.'],
      ['fr', ['3'], 'Trois personnes sont portées disparues.'],
    ]);
    expect(run.stdout).toMatch(/death toll in Lisbon {2}toll\/deaths/);
  });

  it('`off` in the config file silences them; the config file is found in the working directory', () => {
    writeFileSync(join(project, 'crosscheck.config.yaml'), 'rules: [rules]\nseverity:\n  toll/deaths: off\n  toll/missing: off\n');
    const run = crosscheck(['check', 'articles', '--format', 'json', '--out', 'out'], { cwd: project });
    expect(run.code).toBe(0);
    expect(jsonReport(project).findings.filter((f) => f.ruleId.startsWith('toll/'))).toEqual([]);
    const list = crosscheck(['rules', 'list'], { cwd: project });
    expect(list.stdout).toMatch(/^toll\/deaths +quantity +off +rules\/deaths\.yaml +Articles about one event agree on its death toll\.$/m);
    expect(list.stdout).toMatch(/^toll\/missing +custom +off +rules\/missing\.ts +Articles agree on how many people are missing\.$/m);
  });

  it('--config names another config file; its severities and options apply', () => {
    writeFileSync(join(project, 'strict.yaml'), 'rules: [rules]\nseverity:\n  toll/missing: error\noptions:\n  toll/deaths:\n    tolerance: { absolute: 3 }\n');
    const run = crosscheck(['check', 'articles', '--config', 'strict.yaml', '--format', 'json', '--out', 'out'], { cwd: project });
    expect(run.code).toBe(1);
    expect(jsonReport(project).findings.filter((f) => f.ruleId.startsWith('toll/')).map((f) => [f.ruleId, f.severity])).toEqual([['toll/missing', 'error']]);
  });
});

describe('broken rule files: one line naming file, line and column, exit 2, no report', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['bad YAML', { 'rules/x.yaml': 'id: toll/x\nkind: quantity\ndescription: a: b\n' }, /^crosscheck: rules\/x\.yaml:3:\d+: invalid YAML: /],
    [
      'an unknown kind',
      { 'rules/x.yaml': 'id: toll/x\nkind: quantiy\ndescription: d\n' },
      /^crosscheck: rules\/x\.yaml:2:7: `kind`: unknown kind `quantiy`; expected one of count-list, event, quantity, reference, spelling, [a-z, -]*\(did you mean `quantity`\?\)$/,
    ],
    ['a missing field', { 'rules/x.yaml': 'id: toll/x\nkind: quantity\ndescription: d\nquantity:\n  triggers: { fr: [morts] }\n' }, /^crosscheck: rules\/x\.yaml:5:3: `quantity\.what`: missing; expected a string$/],
    [
      'a catastrophic regex',
      { 'rules/x.yaml': `${DEATHS_YAML}  patterns:\n    en: ['(\\w+\\s?)+ dead']\n` },
      /^crosscheck: rules\/x\.yaml:11:10: `quantity\.patterns\.en\.0`: unsafe or invalid regular expression .*catastrophic backtracking/,
    ],
    ['an invalid regex', { 'rules/x.yaml': `${DEATHS_YAML}  patterns:\n    fr: ['morts (']\n` }, /^crosscheck: rules\/x\.yaml:11:10: .*invalid regular expression: Unterminated group/],
    ['a TypeScript rule that does not compile', { 'rules/x.ts': 'export default defineRule({ meta: {\n' }, /^crosscheck: rules\/x\.ts: cannot load the rule module: /],
    ['a bad config file', { 'rules/x.yaml': DEATHS_YAML, 'crosscheck.config.yaml': 'rules: [rules]\nseverity:\n  toll/deaths: loud\n' }, /^crosscheck: crosscheck\.config\.yaml:3:16: `severity\.toll\/deaths`: expected one of `error`, `warning`, `info`, `off`$/],
  ];

  for (const [what, files, expected] of cases) {
    it(what, () => {
      const project = tempFolder({ ...files, ...ARTICLES });
      const args = files['crosscheck.config.yaml'] ? ['check', 'articles'] : ['check', 'articles', '--rules', 'rules'];
      const run = crosscheck([...args, '--format', 'json', '--format', 'markdown', '--out', 'out'], { cwd: project });
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(expected);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
      expect(existsSync(join(project, 'out'))).toBe(false);
    });
  }
});

describe('crosscheck rules and init', () => {
  it('rules list shows every rule with kind, severity, source and description', () => {
    const run = crosscheck(['rules', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^id +kind +severity +source +description$/m);
    expect(run.stdout).toMatch(/^event\/session +event +error +<bundled>\/events\/session\.yaml +A numbered session/m);
    expect(run.stdout).toMatch(/^reference\/sessions +reference +error +<bundled>\/reference\/sessions\.yaml /m);
    const json = JSON.parse(crosscheck(['rules', 'list', '--format', 'json']).stdout) as { rules: Array<{ id: string }> };
    expect(json.rules.map((r) => r.id)).toContain('consistency/count-list');
  });

  it('rules show prints one rule with its messages, doc page and file; an unknown id is a usage error', () => {
    const run = crosscheck(['rules', 'show', 'event/visit']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^event\/visit\n {2}The years of someone's visits/);
    expect(run.stdout).toMatch(/^ {2}doc: +docs\/rules\/event-visit\.md$/m);
    expect(run.stdout).toMatch(/^ {4}setConflict: \{\{sides\}\}\. \{\{shared\}\}$/m);
    expect(run.stdout).toMatch(/^--- <bundled>\/events\/visit\.yaml\n# Official visits/m);
    const unknown = crosscheck(['rules', 'show', 'event/vist']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('crosscheck: no rule "event/vist"; did you mean event/visit? (see crosscheck rules list)');
  });

  it('init writes a config, an example rule and its test, and never overwrites without --force', () => {
    const dir = tempFolder({});
    const first = crosscheck(['init', 'desk'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/wrote desk\/crosscheck\.config\.yaml\nwrote desk\/rules\/death-toll\.test\.ts\nwrote desk\/rules\/death-toll\.yaml/);
    const list = crosscheck(['rules', 'list', '--config', 'desk/crosscheck.config.yaml'], { cwd: dir });
    expect(list.stdout).toMatch(/^toll\/deaths +quantity +error +desk\/rules\/death-toll\.yaml /m);
    writeFileSync(join(dir, 'desk', 'rules', 'death-toll.yaml'), '# mine\n');
    const again = crosscheck(['init', 'desk'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exist; nothing written \(use --force to overwrite\)/);
    expect(readFileSync(join(dir, 'desk', 'rules', 'death-toll.yaml'), 'utf8')).toBe('# mine\n');
    expect(crosscheck(['init', 'desk', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'desk', 'rules', 'death-toll.yaml'), 'utf8')).toMatch(/^# Articles about the same event/);
  });
});
