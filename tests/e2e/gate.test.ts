import { tempRootFolder } from '../helpers.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { Report } from '../../src/model/report.js';
import { Baseline } from '../../src/report/baseline.js';
import { sarifErrors } from '../sarif-schema.js';
import { crosscheck } from './cli.js';

// A newsroom repository: articles/ is the published archive, on `main`; a story branch adds one article.

function article(title: string, date: string, lang: 'fr' | 'en', body: string): string {
  return `---\ntitle: ${title}\ndate: ${date}\nlang: ${lang}\n---\n${body}\n`;
}

const VISIT_FR = 'articles/2024/visite-lisbonne.md';
const ARCHIVE: Record<string, string> = {
  [VISIT_FR]: article(
    'Visite à Lisbonne',
    '2024-06-01',
    'fr',
    '# La présidente à Lisbonne\n\nLa présidente Ewa Nowak a salué les liens avec le Portugal.\n\nEn 2015 et 2021, la présidente a effectué deux visites officielles à Lisbonne.',
  ),
  // An old disagreement inside the archive (10 vs 12 May): not the new article's problem.
  'articles/2023/commission-a.md': article('Commission', '2023-05-12', 'en', 'The fourth session of the Joint Commission was held in Warsaw on 10 May 2023.'),
  'articles/2023/commission-b.md': article('Commission again', '2023-05-20', 'en', 'The fourth session of the Joint Commission was held in Warsaw on 12 May 2023.'),
  'articles/2024/partenariat.md': article('Partenariat', '2024-01-05', 'fr', 'Le Partenariat Stratégique Renforcé conclu en avril 2019 entre les deux pays reste central.'),
};

const NEW = 'articles/2024/lisbon-visit.md';
const CONTRADICTING_SENTENCE = 'Two presidential visits to Lisbon, in 2015 and again in 2011, laid the groundwork.';
const contradicting = (before = '', sentence = CONTRADICTING_SENTENCE) =>
  article('Lisbon visit', '2024-06-03', 'en', `# Lisbon\n\nPresident Ewa Nowak praised the ties.\n\n${before}${sentence}`);
const AGREEING = article('Lisbon visit', '2024-06-03', 'en', '# Lisbon\n\nPresident Ewa Nowak praised the ties.\n\nTwo presidential visits to Lisbon, in 2015 and 2021, laid the groundwork.');

/** 1-based line and column of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh repository: the archive committed on `main`, then a `story` branch with `story` committed on it. */
function newsroom(story: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tempRootFolder(), 'crosscheck-newsroom-'));
  created.push(dir);
  git(dir, 'init', '-q', '--initial-branch=main');
  write(dir, ARCHIVE);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'archive');
  git(dir, 'checkout', '-q', '-b', 'story');
  if (Object.keys(story).length > 0) {
    write(dir, story);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'story');
  }
  return dir;
}

const GATE = ['check', '--changed-since', 'main', '--against', 'articles/'];

function jsonReport(dir: string, out = 'reports'): Report {
  return Report.parse(JSON.parse(readFileSync(join(dir, out, 'discrepancies.json'), 'utf8')));
}

describe('the publication gate: check --changed-since main --against articles/', () => {
  it('fails (exit 1) on a new article that contradicts the archive, citing both places, in every format', () => {
    const dir = newsroom({ [NEW]: contradicting() });
    const run = crosscheck([...GATE, '--format', 'json', '--format', 'sarif', '--format', 'junit', '--format', 'github', '--out', 'reports'], { cwd: dir });
    expect(run.stderr).toContain('checked 1 new article against 4 archive articles');
    expect(run.stderr).toMatch(/failed: 1 finding at or above --fail-on error/);
    expect(run.code).toBe(1);

    const newAt = positionOf(contradicting(), '2015 and again in 2011');
    const oldAt = positionOf(ARCHIVE[VISIT_FR]!, '2015 et 2021');
    const report = jsonReport(dir);
    // Only the new article's conflict: the archive's own 10-vs-12 May disagreement is left out.
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['event/visit', 'error']]);
    expect(report.findings[0]!.sides.map((s) => [s.doc, s.values, s.line, s.column])).toEqual([
      ['lisbon-visit', ['2015', '2011'], newAt.line, newAt.column],
      ['visite-lisbonne', ['2015', '2021'], oldAt.line, oldAt.column],
    ]);
    expect(report.findings[0]!.sides[0]!.quote).toBe(CONTRADICTING_SENTENCE);
    // The report lists the new article and the archive article it cites, not the whole archive.
    expect(report.documents.map((d) => d.path)).toEqual([NEW, VISIT_FR]);
    expect(report.summary).toMatchObject({ documents: 2, error: 1, warning: 0, info: 0 });

    expect(run.stdout).toContain(`::error file=${NEW},line=${newAt.line},col=${newAt.column},`);
    expect(run.stdout).toContain(`::error file=${VISIT_FR},line=${oldAt.line},col=${oldAt.column},`);
    expect(readFileSync(join(dir, 'reports', 'discrepancies.junit.xml'), 'utf8')).toContain('<failure');

    const sarif = JSON.parse(readFileSync(join(dir, 'reports', 'discrepancies.sarif'), 'utf8')) as Log;
    expect(sarifErrors(sarif)).toEqual([]);
    const results = sarif.runs[0]!.results!;
    expect(results.map((r) => [r.ruleId, r.level, r.locations![0]!.physicalLocation!.artifactLocation!.uri, r.locations![0]!.physicalLocation!.region!.startLine])).toEqual([
      ['event/visit', 'error', NEW, newAt.line],
      ['event/visit', 'error', VISIT_FR, oldAt.line],
    ]);
    expect(new Set(results.map((r) => r.partialFingerprints!['crosscheck/v1'])).size).toBe(1);
  });

  it('passes (exit 0) on a new article that agrees with the archive', () => {
    const dir = newsroom({ [NEW]: AGREEING });
    const run = crosscheck([...GATE, '--format', 'json', '--out', 'reports'], { cwd: dir });
    expect(run.stderr).toMatch(/passed: no findings/);
    expect(run.code).toBe(0);
    const report = jsonReport(dir);
    expect(report.findings).toEqual([]);
    expect(report.corroborated.map((c) => [c.ruleId, c.value])).toContainEqual(['event/visit', '2015, 2021']);
  });

  it('the same archive checked whole fails on its own old disagreement: --against is what keeps it out', () => {
    const dir = newsroom({ [NEW]: AGREEING });
    const run = crosscheck(['check', 'articles/', '--format', 'json', '--out', 'reports'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(jsonReport(dir).findings.map((f) => f.ruleId)).toEqual(['event/session']);
  });

  it('picks up edits not committed yet and untracked articles, and ignores other files', () => {
    const dir = newsroom();
    write(dir, { [NEW]: contradicting(), 'notes/draft.md': 'En 2015 et 2011, la présidente Ewa Nowak a effectué deux visites à Lisbonne.', 'articles/readme.json': '{}' });
    const run = crosscheck([...GATE, '--format', 'json', '--out', 'reports'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(jsonReport(dir).documents.map((d) => d.path)).toEqual([NEW, VISIT_FR]);
  });

  it('exits 0 with a clear message when no article changed, and still writes the (empty) reports', () => {
    const dir = newsroom({ 'README.md': '# Desk notes\n' });
    const run = crosscheck([...GATE, '--format', 'sarif', '--out', 'reports'], { cwd: dir });
    expect(run.stderr).toContain('no changed articles since main in articles/; nothing to check');
    expect(run.code).toBe(0);
    const sarif = JSON.parse(readFileSync(join(dir, 'reports', 'discrepancies.sarif'), 'utf8')) as Log;
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0]!.results).toEqual([]);
  });

  it('exits 2 on an unknown ref, and outside a git repository, saying what to do', () => {
    const dir = newsroom({ [NEW]: contradicting() });
    const unknown = crosscheck(['check', '--changed-since', 'origin/nope', '--against', 'articles/'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown git ref "origin/nope"');
    expect(unknown.stderr).toContain('fetch-depth: 0');

    const plain = mkdtempSync(join(tempRootFolder(), 'crosscheck-not-git-'));
    created.push(plain);
    write(plain, { 'articles/a.md': AGREEING });
    const outside = crosscheck(['check', '--changed-since', 'main', '--against', 'articles/'], { cwd: plain, env: { GIT_CEILING_DIRECTORIES: dirname(plain) } });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('not a git repository');
  });

  it('with --against but no articles named, asks for them (exit 2)', () => {
    const run = crosscheck(['check', '--against', 'articles/'], { cwd: newsroom() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--against needs the new articles');
  });
});

describe('thresholds', () => {
  it('--fail-on never reports without failing; --max-warnings fails on too many warnings', () => {
    const dir = newsroom({ [NEW]: contradicting() });
    expect(crosscheck([...GATE, '--fail-on', 'never'], { cwd: dir }).code).toBe(0);
    // A suppression without a reason is a warning: allowed by --fail-on error, not by --max-warnings 0.
    write(dir, { [NEW]: contradicting('<!-- crosscheck-disable-next-line event/visit -->\n') });
    expect(crosscheck(GATE, { cwd: dir }).code).toBe(0);
    const strict = crosscheck([...GATE, '--max-warnings', '0'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 warning exceed --max-warnings 0');
    expect(crosscheck([...GATE, '--fail-on', 'warning'], { cwd: dir }).code).toBe(1);
    expect(crosscheck([...GATE, '--max-warnings', '-1'], { cwd: dir }).code).toBe(2);
  });
});

describe('the baseline', () => {
  it('a baselined finding passes; moving its line does not break it; a changed value does; --prune drops the stale entry', () => {
    const dir = newsroom({ [NEW]: contradicting() });
    const made = crosscheck(['baseline', 'articles/'], { cwd: dir });
    expect(made.code).toBe(0);
    expect(made.stderr).toContain('wrote crosscheck-baseline.json: 2 entries');
    const baseline = Baseline.parse(JSON.parse(readFileSync(join(dir, 'crosscheck-baseline.json'), 'utf8')));
    expect(baseline.entries.map((e) => [e.ruleId, e.values])).toEqual([
      ['event/session', 'articles/2023/commission-a.md: 2023-05-10 | articles/2023/commission-b.md: 2023-05-12'],
      ['event/visit', `${NEW}: 2015, 2011 | ${VISIT_FR}: 2015, 2021`],
    ]);

    // An editor fills in a reason; regenerating keeps it.
    writeFileSync(join(dir, 'crosscheck-baseline.json'), readFileSync(join(dir, 'crosscheck-baseline.json'), 'utf8').replace('"reason": ""', '"reason": "two counts, both sourced"'));
    expect(crosscheck(['baseline', 'articles/'], { cwd: dir }).stderr).toContain('1 reason kept');
    expect(readFileSync(join(dir, 'crosscheck-baseline.json'), 'utf8')).toContain('"reason": "two counts, both sourced"');

    const accepted = crosscheck([...GATE, '--baseline', 'crosscheck-baseline.json'], { cwd: dir });
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('Not reported: 1 finding accepted by crosscheck-baseline.json.');
    expect(accepted.stderr).not.toContain('no longer matches');

    // Lines move (a new paragraph above): the fingerprint holds.
    write(dir, { [NEW]: contradicting('Lisbon welcomed her with a parade.\n\nThe weather was fine.\n\n') });
    expect(crosscheck([...GATE, '--baseline', 'crosscheck-baseline.json'], { cwd: dir }).code).toBe(0);

    // The conflicting value changes (2011 → 2012): a new disagreement, reported; the old entry is stale.
    write(dir, { [NEW]: contradicting('', CONTRADICTING_SENTENCE.replace('2011', '2012')) });
    const broken = crosscheck([...GATE, '--baseline', 'crosscheck-baseline.json', '--format', 'json', '--out', 'reports'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(jsonReport(dir).findings[0]!.sides[0]!.values).toEqual(['2015', '2012']);
    const visitEntry = baseline.entries.find((e) => e.ruleId === 'event/visit')!;
    const entryLine = readFileSync(join(dir, 'crosscheck-baseline.json'), 'utf8').split('\n').findIndex((l) => l.includes(visitEntry.fingerprint)) + 1;
    expect(broken.stderr).toContain(`crosscheck-baseline.json:${entryLine}: baseline entry ${visitEntry.fingerprint} (event/visit`);
    expect(broken.stderr).toContain('1 baseline entry no longer matches (--prune removes it)');

    const pruned = crosscheck([...GATE, '--baseline', 'crosscheck-baseline.json', '--prune'], { cwd: dir });
    expect(pruned.stderr).toContain('pruned 1 entry from crosscheck-baseline.json');
    const after = Baseline.parse(JSON.parse(readFileSync(join(dir, 'crosscheck-baseline.json'), 'utf8')));
    // The archive's own entry stays: it still matches, although --against does not report it.
    expect(after.entries.map((e) => e.ruleId)).toEqual(['event/session']);
  });

  it('a broken baseline file stops the run (exit 2) naming the file and line; --prune needs --baseline', () => {
    const dir = newsroom({ [NEW]: contradicting(), 'bad-baseline.json': '{\n  "version": 1,\n  "entries": [\n    { "fingerprint": "x", "ruleId": "r", "fact": "f", "values": "v", "reasons": "" }\n  ]\n}\n' });
    const run = crosscheck([...GATE, '--baseline', 'bad-baseline.json', '--format', 'json', '--out', 'reports'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-baseline\.json:4: invalid baseline/);
    expect(existsSync(join(dir, 'reports'))).toBe(false);
    const missing = crosscheck([...GATE, '--baseline', 'nope.json'], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('nope.json: baseline file not found')]);
    expect(crosscheck([...GATE, '--prune'], { cwd: dir }).code).toBe(2);
  });
});

describe('inline suppressions', () => {
  it('a suppression with a reason passes the gate, and is counted', () => {
    const dir = newsroom({ [NEW]: contradicting('<!-- crosscheck-disable-next-line event/visit -- the agency lists a 2011 trip we could not verify -->\n') });
    const run = crosscheck(GATE, { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Not reported: 1 finding suppressed inline.');
  });

  it('a suppression without a reason is reported as a warning at the comment’s line', () => {
    const text = contradicting('<!-- crosscheck-disable-next-line event/visit -->\n');
    const dir = newsroom({ [NEW]: text });
    const run = crosscheck([...GATE, '--format', 'json', '--out', 'reports'], { cwd: dir });
    expect(run.code).toBe(0);
    const [problem] = jsonReport(dir).findings;
    expect([problem?.ruleId, problem?.severity, problem?.sides[0]?.line]).toEqual([
      'crosscheck/suppression-without-reason',
      'warning',
      positionOf(text, '<!-- crosscheck').line,
    ]);
  });

  it('an unused suppression is reported as info', () => {
    const dir = newsroom({ [NEW]: AGREEING.replace('Two presidential', '<!-- crosscheck-disable-next-line event/visit -- was disputed -->\nTwo presidential') });
    const run = crosscheck([...GATE, '--format', 'json', '--out', 'reports', '--fail-on', 'info'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(jsonReport(dir).findings.map((f) => [f.ruleId, f.severity])).toEqual([['crosscheck/unused-suppression', 'info']]);
  });

  it('a front-matter key suppresses a rule for the whole article', () => {
    const text = contradicting().replace('lang: en\n', 'lang: en\ncrosscheck:\n  disable: [event/visit]\n  reason: "Agency copy, kept as published"\n');
    const dir = newsroom({ [NEW]: text });
    const run = crosscheck(GATE, { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 finding suppressed inline');
  });

  it('an invalid front-matter key is an input error naming the article and line (exit 2)', () => {
    const text = contradicting().replace('lang: en\n', 'lang: en\ncrosscheck:\n  disabled: [event/visit]\n');
    const run = crosscheck(GATE, { cwd: newsroom({ [NEW]: text }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${NEW}:5: front matter key "crosscheck" is invalid`);
  });
});
