import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfiguration, loadConfigurationAsync } from '../../src/check.js';
import { CrosscheckError } from '../../src/model/errors.js';
import { findConfigFile, readConfigFile } from '../../src/rules/config.js';
import { BUNDLED_RULES_DIR, inventoryRules, inventoryRulesAsync, listRuleModules, loadRules, loadRulesAsync } from '../../src/rules/load.js';
import { RULE_KINDS } from '../../src/rules/schema.js';
import { tempFolder } from '../helpers.js';

/** The one-line error the CLI would print for a failing load. */
function errorOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(CrosscheckError);
    return (error as CrosscheckError).format();
  }
  throw new Error('expected the load to fail');
}

async function asyncErrorOf(load: () => Promise<unknown>): Promise<string> {
  try {
    await load();
  } catch (error) {
    expect(error).toBeInstanceOf(CrosscheckError);
    return (error as CrosscheckError).format();
  }
  throw new Error('expected the load to fail');
}

const TOLL = `id: toll/deaths
kind: quantity
description: Articles about one event agree on its death toll.
quantity:
  what: death toll
  triggers:
    fr: [morts]
    en: [killed]
`;

describe('loading YAML rules', () => {
  it('loads the bundled pack, sorted by id, with every kind from the explicit registry', () => {
    const entries = inventoryRules([BUNDLED_RULES_DIR]);
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(entries.map((e) => [e.id, e.kind])).toEqual(
      expect.arrayContaining([
        ['consistency/count-list', 'count-list'],
        ['consistency/name-spelling', 'spelling'],
        ['consistency/weekday-date', 'weekday'],
        ['event/agreement', 'event'],
        ['event/meeting', 'event'],
        ['event/session', 'event'],
        ['event/visit', 'event'],
        ['reference/sessions', 'reference'],
      ]),
    );
  });

  it('a bad YAML file: file, line and column of the syntax error', () => {
    const dir = tempFolder({ 'bad.yaml': 'id: x/y\nkind: event\ndescription: [unclosed\n' });
    expect(errorOf(() => loadRules([dir]))).toMatch(/bad\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('an unknown kind: the line of `kind`, the kinds there are, and the nearest one', () => {
    const dir = tempFolder({ 'typo.yaml': 'id: x/y\ndescription: d\nkind: evnt\n' });
    expect(errorOf(() => loadRules([dir]))).toBe(
      `${join(dir, 'typo.yaml')}:3:7: \`kind\`: unknown kind \`evnt\`; expected one of ${RULE_KINDS.join(', ')} (did you mean \`event\`?)`,
    );
    expect(RULE_KINDS).toEqual(expect.arrayContaining(['count-list', 'event', 'quantity', 'reference', 'spelling', 'weekday']));
  });

  it('a missing kind and a missing field are named with what is expected', () => {
    const noKind = tempFolder({ 'a.yaml': 'id: x/y\ndescription: d\n' });
    expect(errorOf(() => loadRules([noKind]))).toMatch(/a\.yaml:1:1: `kind`: missing; expected one of count-list, event/);
    const noType = tempFolder({ 'b.yaml': 'id: x/y\nkind: event\ndescription: d\nevent:\n  identity: once\n  label: x\n  triggers: { fr: [a] }\n' });
    expect(errorOf(() => loadRules([noType]))).toMatch(/b\.yaml:5:3: `event\.type`: missing; expected a string$/);
  });

  it('an unknown key is reported at its line', () => {
    const dir = tempFolder({ 'c.yaml': `${TOLL}  tolerence: 2\n` });
    expect(errorOf(() => loadRules([dir]))).toMatch(/c\.yaml:5:3: `quantity`: unknown key `tolerence`/);
  });

  it('an unsafe regular expression is refused at load, at the line of the pattern', () => {
    const dir = tempFolder({ 'd.yaml': `${TOLL}  patterns:\n    en:\n      - 'lost (?:their|his) lives?'\n      - '(\\w+\\s?)+ dead'\n` });
    expect(errorOf(() => loadRules([dir]))).toMatch(
      /d\.yaml:12:9: `quantity\.patterns\.en\.1`: unsafe or invalid regular expression \/\(\\w\+\\s\?\)\+ dead\/: a repeated group `\(\\w\+\\s\?\)\+` contains another repetition `\\w\+`, which can take exponential time \(catastrophic backtracking\)/,
    );
    const invalid = tempFolder({ 'e.yaml': `${TOLL}  patterns:\n    fr: ['(morts']\n` });
    expect(errorOf(() => loadRules([invalid]))).toMatch(/e\.yaml:10:10: .*invalid regular expression: Unterminated group/);
  });

  it('reworded messages keep the kind’s ids and placeholders', () => {
    const unknownId = tempFolder({ 'm.yaml': `${TOLL}messages:\n  conflit: '{{sides}}'\n` });
    expect(errorOf(() => loadRules([unknownId]))).toMatch(/m\.yaml:10:12: `messages\.conflit`: quantity rules have no message `conflit`; their messages are `conflict`/);
    const unknownPlaceholder = tempFolder({ 'm.yaml': `${TOLL}messages:\n  conflict: '{{sides}} ({{where}})'\n` });
    expect(errorOf(() => loadRules([unknownPlaceholder]))).toMatch(/m\.yaml:10:13: `messages\.conflict`: unknown placeholder \{\{where\}\}; this message can use \{\{sides\}\}, \{\{what\}\}/);
    const reworded = tempFolder({ 'm.yaml': `${TOLL}messages:\n  conflict: 'Le bilan diffère : {{sides}}.'\n` });
    expect(loadRules([reworded])[0]!.meta.messages.conflict).toBe('Le bilan diffère : {{sides}}.');
  });

  it('a later folder replaces a rule of the same id; two files with one id in one folder are refused', () => {
    const user = tempFolder({ 'visit.yaml': 'id: event/visit\nkind: weekday\ndescription: replaced\n' });
    expect(loadRules([BUNDLED_RULES_DIR, user]).find((r) => r.meta.id === 'event/visit')?.meta).toMatchObject({ kind: 'weekday', description: 'replaced' });
    const twice = tempFolder({ 'a.yaml': TOLL, 'b.yaml': TOLL });
    expect(errorOf(() => loadRules([twice]))).toMatch(/b\.yaml: rule id "toll\/deaths" is also defined in .*a\.yaml/);
  });

  it('severity overrides change the severity the rule runs at, `off` removes it, an unknown id is an error', () => {
    const rules = loadRules([BUNDLED_RULES_DIR], { 'event/visit': 'warning', 'consistency/name-spelling': 'off' });
    expect(rules.find((r) => r.meta.id === 'event/visit')?.meta.severity).toBe('warning');
    expect(rules.some((r) => r.meta.id === 'consistency/name-spelling')).toBe(false);
    expect(inventoryRules([BUNDLED_RULES_DIR], { 'consistency/name-spelling': 'off' }).find((e) => e.id === 'consistency/name-spelling')?.severity).toBe('off');
    expect(errorOf(() => loadRules([BUNDLED_RULES_DIR], { 'event/vist': 'off' }))).toMatch(/`severity` names an unknown rule "event\/vist"/);
  });

  it('a reference rule must name a loaded event or quantity rule, and its values must fit it', () => {
    const unknown = tempFolder({ 'r.yaml': 'id: reference/x\nkind: reference\ndescription: d\nreference:\n  rule: event/sesion\nfacts:\n  - match: { ordinal: 8 }\n    value: 2025\n' });
    expect(errorOf(() => loadRules([BUNDLED_RULES_DIR, unknown]))).toMatch(/r\.yaml:5:9: `reference\.rule`: no rule event\/sesion is loaded; name an event or quantity rule/);
    const badDate = tempFolder({
      'r.yaml': 'id: reference/x\nkind: reference\ndescription: d\nreference:\n  rule: event/session\nfacts:\n  - match: { ordinal: 8 }\n    value: 16 octobre\n',
    });
    expect(errorOf(() => loadRules([BUNDLED_RULES_DIR, badDate]))).toMatch(/r\.yaml:8:12: `facts\.0\.value`: expected a date written 2019-04-03, 2019-04 or 2019/);
    const noMatch = tempFolder({ 'r.yaml': 'id: reference/x\nkind: reference\ndescription: d\nreference:\n  rule: event/session\nfacts:\n  - match: {}\n    value: 2025\n' });
    expect(errorOf(() => loadRules([BUNDLED_RULES_DIR, noMatch]))).toMatch(/r\.yaml:7:12: `facts\.0\.match`: a fact must match on at least one of/);
  });
});

describe('config files', () => {
  it('finds crosscheck.config.{json,yaml,yml} in a folder, and refuses two', () => {
    expect(findConfigFile(tempFolder({ 'crosscheck.config.json': '{}' }))).toMatch(/crosscheck\.config\.json$/);
    expect(findConfigFile(tempFolder({ 'x.txt': '' }))).toBeUndefined();
    expect(errorOf(() => findConfigFile(tempFolder({ 'crosscheck.config.json': '{}', 'crosscheck.config.yml': '' })))).toMatch(/two config files/);
  });

  it('resolves rule folders relative to the config file and checks them', () => {
    const dir = tempFolder({ 'desk/rules/toll.yaml': TOLL, 'desk/crosscheck.config.yaml': 'rules: [rules]\n' });
    expect(readConfigFile(join(dir, 'desk/crosscheck.config.yaml')).rules).toEqual([join(dir, 'desk/rules')]);
    const missing = tempFolder({ 'crosscheck.config.yaml': 'rules:\n  - nowhere\n' });
    expect(errorOf(() => readConfigFile(join(missing, 'crosscheck.config.yaml')))).toMatch(/crosscheck\.config\.yaml:2:5: `rules`: folder "nowhere" not found/);
  });

  it('applies severities and options from the config, with errors at the config line', () => {
    const dir = tempFolder({
      'rules/toll.yaml': TOLL,
      'crosscheck.config.yaml': 'rules: [rules]\nseverity:\n  toll/deaths: warning\n  event/visit: off\noptions:\n  toll/deaths:\n    tolerance: { relative: 0.1 }\n',
    });
    const { rules } = loadConfiguration({ config: join(dir, 'crosscheck.config.yaml') });
    expect(rules.find((r) => r.meta.id === 'toll/deaths')?.meta.severity).toBe('warning');
    expect(rules.some((r) => r.meta.id === 'event/visit')).toBe(false);

    const badOption = tempFolder({ 'rules/toll.yaml': TOLL, 'c.yaml': 'rules: [rules]\noptions:\n  toll/deaths:\n    tolerance: 10 percent\n' });
    expect(errorOf(() => loadConfiguration({ config: join(badOption, 'c.yaml') }))).toMatch(/c\.yaml:4:16: `options\.toll\/deaths\.tolerance`: /);
    const noOptions = tempFolder({ 'c.yaml': 'options:\n  event/visit: { x: 1 }\n' });
    expect(errorOf(() => loadConfiguration({ config: join(noOptions, 'c.yaml') }))).toMatch(/c\.yaml:2:16: `options\.event\/visit`: event rules take no options/);
    const unknown = tempFolder({ 'c.yaml': 'severity:\n  event/vist: off\n' });
    expect(errorOf(() => loadConfiguration({ config: join(unknown, 'c.yaml') }))).toMatch(/c\.yaml:2:15: `severity` names an unknown rule "event\/vist"/);
    const typo = tempFolder({ 'c.yaml': 'severity:\n  event/visit: of\n' });
    expect(errorOf(() => loadConfiguration({ config: join(typo, 'c.yaml') }))).toMatch(/c\.yaml:2:16: `severity\.event\/visit`: expected one of `error`, `warning`, `info`, `off`/);
  });
});

const TS_RULE = `import { defineRule, z } from 'crosscheck';

export default defineRule({
  meta: {
    id: 'toll/missing',
    description: 'Articles agree on how many people are missing.',
    severity: 'warning',
    messages: { differs: '{{a}} and {{b}} differ.' },
    schema: z.object({ tolerance: z.number().int().min(0).default(0) }),
    triggers: { fr: ['disparus'], en: ['missing'] },
  },
  compare() {},
});
`;

describe('loading TypeScript rules', () => {
  it('finds rule modules, not tests, declarations or lexicon files', () => {
    const dir = tempFolder({ 'a.ts': '', 'b.mjs': '', 'a.test.ts': '', 'types.d.ts': '', 'lexicon/x.ts': '', 'c.yaml': '' });
    expect(listRuleModules(dir).map((p) => p.slice(dir.length + 1))).toEqual(['a.ts', 'b.mjs']);
  });

  it('loads `export default defineRule(...)` with jiti, `crosscheck` resolving to this library', async () => {
    const dir = tempFolder({ 'missing.ts': TS_RULE });
    const entries = await inventoryRulesAsync([dir]);
    expect(entries.map((e) => [e.id, e.kind, e.severity, e.source.endsWith('missing.ts')])).toEqual([['toll/missing', 'custom', 'warning', true]]);
    expect(entries[0]!.rule.triggers).toEqual({ ruleId: 'toll/missing', eventType: 'toll/missing', phrases: { fr: ['disparus'], en: ['missing'] } });
  });

  it('validates options with the rule’s schema, errors pointing into the config file', async () => {
    const dir = tempFolder({ 'rules/missing.ts': TS_RULE, 'c.yaml': 'rules: [rules]\noptions:\n  toll/missing:\n    tolerance: -1\n' });
    expect(await asyncErrorOf(() => loadConfigurationAsync({ config: join(dir, 'c.yaml'), noBundledRules: true }))).toMatch(
      /c\.yaml:4:16: `options\.toll\/missing\.tolerance`: Too small: expected number to be >=0/,
    );
  });

  it('the synchronous loader refuses code rules and says which loader to use', () => {
    const dir = tempFolder({ 'missing.ts': TS_RULE });
    expect(errorOf(() => loadRules([dir]))).toMatch(/missing\.ts: is a TypeScript\/JavaScript rule, which loads asynchronously: use loadRulesAsync\(\)/);
  });

  it('a module that does not export a rule, does not compile, or has a bad meta is named', async () => {
    const none = tempFolder({ 'x.ts': 'export const y = 1;\n' });
    expect(await asyncErrorOf(() => loadRulesAsync([none]))).toMatch(/x\.ts: a rule module must `export default defineRule/);
    const broken = tempFolder({ 'x.ts': 'export default {{;\n' });
    expect(await asyncErrorOf(() => loadRulesAsync([broken]))).toMatch(/x\.ts: cannot load the rule module: /);
    const badMeta = tempFolder({ 'x.ts': "import { defineRule } from 'crosscheck';\nexport default defineRule({ meta: { id: 'Bad Id', description: 'd', messages: { m: 'x' } } });\n" });
    expect(await asyncErrorOf(() => loadRulesAsync([badMeta]))).toMatch(/x\.ts: invalid rule definition: `meta\.id`: a rule id is lower-case words/);
    const badTemplate = tempFolder({ 'x.ts': "export default { meta: { id: 'a/b', description: 'd', messages: { m: 'x {{ y' } } };\n" });
    expect(await asyncErrorOf(() => loadRulesAsync([badTemplate]))).toMatch(/x\.ts: invalid rule definition: `meta\.messages\.m`: a placeholder is written \{\{name\}\}/);
  });
});
