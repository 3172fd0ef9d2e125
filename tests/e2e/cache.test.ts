import { tempRootFolder } from '../helpers.js';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crosscheck, ROOT } from './cli.js';

const ARTICLES = 2000;
// SARIF is left out: it has one result per side with every other side related, so its size grows with
// the square of a finding's sides (see the note in the issue report); it is validated in gate.test.ts.
const FORMATS = ['json', 'markdown', 'junit'] as const;
const FILES = ['discrepancies.json', 'discrepancies.md', 'discrepancies.junit.xml'];

const FIRST_NAMES = ['Ewa', 'Jan', 'Maria', 'Anna', 'Lars', 'Tomas', 'Ines', 'Piotr', 'Karin', 'Marco', 'Sofia', 'Hugo', 'Clara', 'Pavel', 'Nora', 'Emil', 'Lina', 'Oskar', 'Greta', 'Felix'];
const LAST_NAMES = ['Nowak', 'Kowalski', 'Silva', 'Berg', 'Holm', 'Novak', 'Duarte', 'Zielinski', 'Olsen', 'Bellini', 'Rossi', 'Moreau', 'Lindqvist', 'Horvat', 'Meyer', 'Costa', 'Varga', 'Dumont', 'Janssen', 'Keller'];
const CITIES = [['Lisbonne', 'Lisbon'], ['Madrid', 'Madrid'], ['Varsovie', 'Warsaw'], ['Rome', 'Rome'], ['Berlin', 'Berlin'], ['Vienne', 'Vienna'], ['Prague', 'Prague']] as const;
const MONTHS = [['janvier', 'January'], ['mars', 'March'], ['mai', 'May'], ['juin', 'June'], ['octobre', 'October']] as const;

/**
 * A small article of a generated archive: four articles tell each story (two in French, two in English),
 * a visit list or a dated meeting, and in one story out of three the last article gives another year.
 */
function generatedArticle(i: number): string {
  const story = Math.floor(i / 4);
  const person = `${FIRST_NAMES[story % 20]} ${LAST_NAMES[Math.floor(story / 20) % 20]}`;
  const [cityFr, cityEn] = CITIES[story % CITIES.length]!;
  const [monthFr, monthEn] = MONTHS[story % MONTHS.length]!;
  const first = 2005 + (story % 9);
  const second = first + 3 + (story % 4) + (i % 4 === 3 && story % 3 === 0 ? 1 : 0);
  const day = 1 + (story % 27);
  const published = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const french = i % 2 === 0;
  const lead = french ? `Article ${i} : ${person} a salué les liens avec ses partenaires.` : `Story ${i}: ${person} praised the ties with partners.`;
  const visits = french
    ? `En ${first} et ${second}, ${person} a effectué deux visites officielles à ${cityFr}.`
    : `Two visits by ${person} to ${cityEn}, in ${first} and ${second}, laid the groundwork.`;
  const meeting = french ? `Le ${day} ${monthFr} ${second}, ${person} a rencontré le maire à ${cityFr}.` : `On ${day} ${monthEn} ${second}, ${person} met the mayor in ${cityEn}.`;
  return ` date ${published}\n${lead}\n${story % 2 === 0 ? visits : meeting}\n`;
}

function cacheCounts(stderr: string): { analysed: number; fromCache: number } {
  const match = /cache \S+: (\d+) analysed, (\d+) from the cache/.exec(stderr);
  if (!match) throw new Error(`no cache line in: ${stderr}`);
  return { analysed: Number(match[1]), fromCache: Number(match[2]) };
}

/**
 * A frozen copy of the built tool (code, bundled rules, package.json): the cache key covers Crosscheck's
 * code and every rule file, so a rebuild or a rule edited in the working copy between the runs (by
 * `npm test` elsewhere, or an editor) would rightly invalidate every entry.
 */
function frozenInstall(): string {
  const install = mkdtempSync(join(tempRootFolder(), 'crosscheck-install-'));
  for (const part of ['dist', 'rules', 'package.json']) cpSync(join(ROOT, part), join(install, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(install, 'node_modules'), 'dir');
  return join(install, 'dist', 'cli', 'main.js');
}

describe('--cache and the entries of configurations no longer used', () => {
  it('removes those beyond the 3 most recently used, and says so on standard error', () => {
    const dir = mkdtempSync(join(tempRootFolder(), 'crosscheck-cache-evict-'));
    const cache = join(dir, 'cache');
    // Three configurations other runs used 1, 2 and 3 hours ago (a Crosscheck of this cache format).
    const formats = crosscheck(['check', 'seeds', '--cache-dir', cache, '--fail-on', 'never']);
    expect(formats.code, formats.stderr).toBe(0);
    const [format] = readdirSync(cache).filter((name) => /^v\d+$/.test(name));
    const others = [1, 2, 3].map((hours) => {
      const folder = join(cache, format!, `other-${hours}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'last-used'), `${Date.now() - hours * 3_600_000}\n`);
      return folder;
    });
    const run = crosscheck(['check', 'seeds', '--cache-dir', cache, '--fail-on', 'never']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/cache \S+: 0 analysed, 5 from the cache; removed the entries of 1 configuration not used lately \(the 3 most recent are kept\)/);
    expect(others.map((folder) => existsSync(folder))).toEqual([true, true, false]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe(`--cache over an unchanged archive of ${ARTICLES} articles`, () => {
  let dir: string;
  let bin: string;
  const reports = (out: string) => FILES.map((name) => readFileSync(join(dir, out, name), 'utf8'));
  const run = (out: string, ...extra: string[]) =>
    crosscheck(['check', 'archive', ...FORMATS.flatMap((f) => ['--format', f]), '--out', out, '--fail-on', 'never', ...extra], { cwd: dir, bin });

  beforeAll(() => {
    bin = frozenInstall();
    dir = mkdtempSync(join(tempRootFolder(), 'crosscheck-cache-e2e-'));
    mkdirSync(join(dir, 'archive'));
    for (let i = 0; i < ARTICLES; i++) writeFileSync(join(dir, 'archive', `a${String(i).padStart(4, '0')}.txt`), generatedArticle(i));
  });

  afterAll(() => {
    for (const folder of [dir, dirname(dirname(dirname(bin)))]) rmSync(folder, { recursive: true, force: true });
  });

  it('the second run analyses less than a tenth of what the first did, and writes byte-identical reports', () => {
    const first = run('first', '--cache');
    expect(first.code, first.stderr).toBe(0);
    const second = run('second', '--cache');
    expect(second.code, second.stderr).toBe(0);

    const cold = cacheCounts(first.stderr);
    const warm = cacheCounts(second.stderr);
    console.info(`cache e2e: first run ${cold.analysed} analysed / ${cold.fromCache} from cache; second run ${warm.analysed} analysed / ${warm.fromCache} from cache`);
    expect(cold).toEqual({ analysed: ARTICLES, fromCache: 0 });
    expect(warm.analysed).toBeLessThan(cold.analysed / 10);
    expect(warm.fromCache + warm.analysed).toBe(ARTICLES);

    const firstReports = reports('first');
    expect(reports('second')).toEqual(firstReports);
    // The archive is not trivial: it has findings, in both languages.
    const report = JSON.parse(firstReports[0]!) as { summary: { documents: number; error: number }; documents: Array<{ lang: string }> };
    expect(report.summary.documents).toBe(ARTICLES);
    expect(report.summary.error).toBeGreaterThan(0);
    expect(new Set(report.documents.map((d) => d.lang))).toEqual(new Set(['fr', 'en']));

    // And the cache changes nothing: a run without it writes the same bytes.
    expect(run('plain').code).toBe(0);
    expect(reports('plain')).toEqual(firstReports);
  }, 180_000); // about 20 s on two idle cores; the margin is for a machine busy with other test files
});
