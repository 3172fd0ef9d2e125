#!/usr/bin/env node
// npm run eval -- <set-dir> [--pred DIR] [--jobs N]
// Runs the real CLI on every cluster folder of a set shaped like ../shared/devset (one folder per cluster
// with *.txt articles and gold.json, plus score.py at the set's root), converts each report into the
// predictions the scorer reads (PRED/<cluster>.json), and prints the scorer's table. Skips cleanly when
// the set is absent, so CI does not need it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
// Kept after the run (printed below) so the predictions can be read; made only when --pred is not given.
const pred = resolve(option('--pred', undefined) ?? mkdtempSync(join(tmpdir(), 'crosscheck-pred-')));
const jobs = Number(option('--jobs', '2'));
const set = resolve(args[0] ?? join(root, '..', 'shared', 'devset'));

if (!existsSync(set) || !existsSync(join(set, 'score.py'))) {
  console.log(`eval: skipped, no evaluation set at ${set} (expected cluster folders and score.py)`);
  process.exit(0);
}
const bin = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(bin)) {
  console.error('eval: dist/ is missing; run npm run build first');
  process.exit(2);
}
const clusters = readdirSync(set)
  .filter((name) => existsSync(join(set, name, 'gold.json')) && statSync(join(set, name)).isDirectory())
  .sort();
mkdirSync(pred, { recursive: true });

function runCluster(name) {
  return new Promise((done) => {
    const out = join(pred, '.reports', name);
    const child = spawn(process.execPath, [bin, 'check', join(set, name), '--format', 'json', '--out', out, '--fail-on', 'never'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: 'true' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      if (code !== 0) {
        console.error(`eval: ${name}: crosscheck exited ${code}\n${stderr}`);
        return done(false);
      }
      const report = JSON.parse(readFileSync(join(out, 'discrepancies.json'), 'utf8'));
      const paths = new Map(report.documents.map((d) => [d.id, basename(d.path)]));
      const discrepancies = report.findings
        // Style notes (info) are not factual discrepancies; the scorer counts contradictions.
        .filter((f) => f.severity !== 'info' && new Set(f.sides.map((s) => s.doc)).size >= 2)
        .map((f) => ({ ruleId: f.ruleId, severity: f.severity, claims: f.sides.map((s) => ({ doc: paths.get(s.doc), span: s.span })) }));
      writeFileSync(join(pred, `${name}.json`), JSON.stringify({ discrepancies }, null, 1));
      done(true);
    });
  });
}

const queue = [...clusters];
let failed = 0;
await Promise.all(
  Array.from({ length: Math.max(1, jobs) }, async () => {
    for (let name = queue.shift(); name; name = queue.shift()) if (!(await runCluster(name))) failed++;
  }),
);
console.log(`eval: ${clusters.length} clusters, predictions in ${pred}`);
const score = spawnSync('python3', [join(set, 'score.py'), '--set', set, '--pred', pred], { encoding: 'utf8' });
process.stdout.write(score.stdout);
if (score.status !== 0) {
  process.stderr.write(score.stderr);
  process.exit(2);
}
process.exit(failed > 0 ? 2 : 0);
