import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR, inventoryRules } from '../../src/rules/load.js';
import { ROOT } from '../e2e/cli.js';

// ESLint's lesson: every bundled rule has a doc page and a test, and the build fails when one is missing.
const entries = inventoryRules([BUNDLED_RULES_DIR]);
const pageOf = (id: string) => join(ROOT, 'docs', 'rules', `${id.replace(/\//g, '-')}.md`);
const ruleTests = readdirSync(join(ROOT, 'tests', 'rules'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(ROOT, 'tests', 'rules', f), 'utf8'));

describe('every bundled rule is documented and tested', () => {
  it('finds the bundled rules', () => {
    expect(entries.length).toBeGreaterThanOrEqual(8);
  });

  for (const entry of entries) {
    describe(entry.id, () => {
      it(`has a doc page docs/rules/${entry.id.replace(/\//g, '-')}.md that states its kind, severity and file`, () => {
        expect(existsSync(pageOf(entry.id)), `missing ${pageOf(entry.id)}`).toBe(true);
        const page = readFileSync(pageOf(entry.id), 'utf8');
        expect(page.split('\n')[0]).toBe(`# ${entry.id}`);
        expect(page).toContain(`**Kind** \`${entry.kind}\``);
        expect(page).toContain(`**severity** ${entry.severity}`);
        expect(page).toContain(`\`${entry.source.replace(/^.*?(rules\/)/, '$1')}\``);
        expect(page).toMatch(/## Fires/);
        expect(page).toMatch(/## Does not fire/);
      });

      it('has a RuleTester test under tests/rules/ that names it', () => {
        expect(ruleTests.some((source) => source.includes('RuleTester') && source.includes(`'${entry.id}'`)), `no tests/rules/*.test.ts runs '${entry.id}'`).toBe(true);
      });

      it('is linked from the tutorial', () => {
        const link = `(rules/${entry.id.replace(/\//g, '-')}.md)`;
        expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8').includes(link), `docs/rules.md does not link ${link}`).toBe(true);
      });
    });
  }

  it('has no doc page for a rule that does not exist', () => {
    const pages = readdirSync(join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
    expect(pages.sort()).toEqual(entries.map((e) => `${e.id.replace(/\//g, '-')}.md`).sort());
  });
});
