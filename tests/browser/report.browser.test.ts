import { tempRootFolder } from '../helpers.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../src/model/index.js';
import { formatHtml } from '../../src/report/html.js';
import { REPO_ROOT, generatedFixture, seedsFixture, type ReportFixture } from './report-fixtures.js';

/**
 * Opens the HTML report in headless Debian Chromium and checks what an editor would: the findings and
 * quotes are there, the filters work when clicked, line links open the article, nothing leaves the page.
 * Skips when /usr/bin/chromium is missing, unless CI is set (CI installs it, so there it must run).
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = path.join(REPO_ROOT, 'reports/discrepancies-html.png');
const SCREENSHOT_NARROW = path.join(REPO_ROOT, 'reports/discrepancies-html-narrow.png');

/**
 * Where the report of `seeds/` comes from. 'fixture': the hand-written report of seeds/ through
 * formatHtml. 'cli': the real CLI (`dist/cli/main.js check seeds --format html --format json`), once it
 * is wired; the assertions read the JSON the CLI writes, so they hold for either source.
 */
const SEEDS_REPORT_SOURCE: 'fixture' | 'cli' = 'cli';

interface RenderedReport {
  htmlPath: string;
  report: Report;
}

function renderFixture(fixture: ReportFixture, outDir: string, fileName = 'discrepancies.html'): RenderedReport {
  const htmlPath = path.join(outDir, fileName);
  writeFileSync(htmlPath, formatHtml(fixture.report, fixture.context));
  return { htmlPath, report: fixture.report };
}

function runCliOnSeeds(outDir: string): RenderedReport {
  const cli = path.join(REPO_ROOT, 'dist/cli/main.js');
  execFileSync(process.execPath, [cli, 'check', 'seeds', '--out', outDir, '--format', 'html', '--format', 'json', '--fail-on', 'never'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
  const report = Report.parse(JSON.parse(readFileSync(path.join(outDir, 'discrepancies.json'), 'utf8')));
  return { htmlPath: path.join(outDir, 'discrepancies.html'), report };
}

function renderSeedsReport(outDir: string): RenderedReport {
  return SEEDS_REPORT_SOURCE === 'cli' ? runCliOnSeeds(outDir) : renderFixture(seedsFixture(outDir), outDir);
}

const chromiumPresent = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

describe.skipIf(!chromiumPresent && !inCi)('HTML report in headless Chromium', () => {
  let workDir: string;
  let browser: BrowserContext;
  /** Every URL the browser asked for, from any page of the context. */
  const requested: string[] = [];
  let seeds: RenderedReport;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tempRootFolder(), 'crosscheck-html-'));
    const outDir = path.join(workDir, 'reports');
    mkdirSync(outDir);
    seeds = renderSeedsReport(outDir);
    browser = await chromium.launchPersistentContext(path.join(workDir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    browser.on('request', (request) => requested.push(request.url()));
    // Anything but the report file itself is refused, so a stray fetch cannot succeed silently either.
    await browser.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
  });

  afterAll(async () => {
    await browser?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  async function open(rendered: RenderedReport, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewportSize(viewport);
    await page.goto(pathToFileURL(rendered.htmlPath).href);
    return page;
  }

  const cards = (page: Page) => page.locator('article.finding');
  const visibleCards = (page: Page) => page.locator('article.finding:not([hidden])');
  const filterButton = (page: Page, kind: string, value: string) => page.locator(`button[data-filter="${kind}"][data-value="${value}"]`);

  it('shows every finding with its fact and its quotes, the value highlighted', async () => {
    const page = await open(seeds);
    const { report } = seeds;
    await expect(cards(page).count()).resolves.toBe(report.findings.length);
    const facts = await page.locator('article.finding h3').allTextContents();
    expect([...facts].sort()).toEqual(report.findings.map((finding) => finding.fact).sort());
    const quotes = (await page.locator('article.finding blockquote').allTextContents()).map((text) => text.replace(/\s+/g, ' '));
    for (const side of report.findings.flatMap((finding) => finding.sides)) expect(quotes).toContain(side.quote.replace(/\s+/g, ' '));
    const marks = await page.locator('article.finding blockquote mark').count();
    expect(marks).toBe(report.findings.flatMap((finding) => finding.sides).length);
    await expect(page.locator('h1').textContent()).resolves.toBe('Discrepancy report');
    await page.close();
  });

  it('filters by severity and rule when the buttons are clicked, and by search', async () => {
    const page = await open(seeds);
    const total = seeds.report.findings.length;
    const bySeverity = (severity: string) => seeds.report.findings.filter((finding) => finding.severity === severity).length;

    const warning = filterButton(page, 'severity', 'warning');
    await warning.click();
    await expect(warning.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(visibleCards(page).count()).resolves.toBe(total - bySeverity('warning'));
    await expect(page.locator('article.finding[data-severity="warning"]:not([hidden])').count()).resolves.toBe(0);
    await expect(page.locator('#filter-status').textContent()).resolves.toBe(`Showing ${total - bySeverity('warning')} of ${total} findings`);
    await warning.click();
    await expect(visibleCards(page).count()).resolves.toBe(total);

    const rule = seeds.report.findings[0]!.ruleId;
    await filterButton(page, 'rule', rule).click();
    const withRule = seeds.report.findings.filter((finding) => finding.ruleId === rule).length;
    await expect(visibleCards(page).count()).resolves.toBe(total - withRule);
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect(visibleCards(page).count()).resolves.toBe(total);

    // Keyboard: a filter button toggles with Space like any button.
    await filterButton(page, 'severity', 'error').focus();
    await page.keyboard.press('Space');
    await expect(page.locator('article.finding[data-severity="error"]:not([hidden])').count()).resolves.toBe(0);
    await page.keyboard.press('Space');

    // Search is folded (accents, case) and debounced.
    const target = seeds.report.findings[seeds.report.findings.length - 1]!;
    const word = target.fact.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
    await page.locator('#search').fill(word.toUpperCase());
    await expect.poll(() => visibleCards(page).count()).toBeLessThan(total);
    const shownFacts = await page.locator('article.finding:not([hidden]) h3').allTextContents();
    expect(shownFacts).toContain(target.fact);
    await page.locator('#search').fill('zzzz-no-such-text');
    await expect.poll(() => page.locator('#no-match').isVisible()).toBe(true);
    await page.close();
  });

  it('opens the embedded article at the cited line', async () => {
    const page = await open(seeds);
    const link = page.locator('article.finding').first().locator('a[href^="#doc-"]').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^#doc-.+-L\d+$/);
    await link.click();
    const line = page.locator(href);
    await expect(line.isVisible()).resolves.toBe(true);
    const side = seeds.report.findings.find((finding) => finding.severity === 'error')!.sides[0]!;
    await expect(line.textContent()).resolves.toContain(side.quote.slice(0, 20));
    await page.close();
  });

  it('collapses a long documents table, and the documents tile opens it', async () => {
    const fixture = seedsFixture(path.join(workDir, 'reports'));
    const extra = Array.from({ length: 60 }, (_, i) => ({ ...fixture.report.documents[0]!, id: `extra-${i}`, path: `extra/${i}.md` }));
    const long = renderFixture({ ...fixture, report: { ...fixture.report, documents: [...fixture.report.documents, ...extra] } }, path.join(workDir, 'reports'), 'long.html');
    const page = await open(long);
    await expect(page.locator('#documents-title').isVisible()).resolves.toBe(false);
    await expect(page.locator('details.documents > summary').textContent()).resolves.toBe(`Documents read: ${long.report.documents.length} listed`);
    await page.locator('a.tile-link[href="#documents-title"]').click();
    await expect(page.locator('#documents-title').isVisible()).resolves.toBe(true);
    await expect(page.locator('details.documents tbody tr').count()).resolves.toBe(long.report.documents.length);
    await page.close();
  });

  it('stacks the sides in a narrow window and hides the filters when printed', async () => {
    const page = await open(seeds, { width: 380, height: 800 });
    const boxes = await page.locator('article.finding').first().locator('.side').evaluateAll((elements) =>
      elements.map((element) => element.getBoundingClientRect().left),
    );
    expect(new Set(boxes).size).toBe(1);
    // A string, evaluated in the page: the tests are type-checked without the DOM library.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: SCREENSHOT_NARROW, fullPage: false });

    await filterButton(page, 'severity', 'error').click();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.toolbar').isVisible()).resolves.toBe(false);
    await expect(page.locator('article.finding[data-severity="error"]').first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('filters and searches 1,000 findings', async () => {
    const big = renderFixture(generatedFixture(1000, path.join(workDir, 'reports')), path.join(workDir, 'reports'), 'generated.html');
    const page = await open(big);
    await expect(cards(page).count()).resolves.toBe(1000);
    await filterButton(page, 'severity', 'info').click();
    const infos = big.report.findings.filter((finding) => finding.severity === 'info').length;
    await expect(page.locator('#filter-status').textContent()).resolves.toBe(`Showing ${1000 - infos} of 1000 findings`);
    await page.locator('#search').fill('generated fact number 99');
    await expect.poll(() => visibleCards(page).count()).toBeLessThan(20);
    await expect(visibleCards(page).count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('makes no request other than the page itself, and saves a screenshot', async () => {
    const page = await open(seeds);
    await page.locator('details.article > summary').first().click();
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.close();
    const reportUrls = new Set([seeds.htmlPath, ...['generated.html', 'long.html'].map((name) => path.join(workDir, 'reports', name))].map((file) => pathToFileURL(file).href));
    expect(requested.filter((url) => !reportUrls.has(url))).toEqual([]);
    expect(requested.length).toBeGreaterThan(0);
  });
});
