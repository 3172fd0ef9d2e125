import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers.js';
import { BIN, ROOT } from './cli.js';

// docs/rules.md, run as written: every ```sh block after `<!-- tested … -->` runs in order in one folder
// outside the repository, and every block after `<!-- file: PATH -->` must be what that file holds then.

interface Step {
  kind: 'shell' | 'file';
  line: number;
  body: string;
  exit?: number;
  output?: string;
  path?: string;
}

function tutorialSteps(markdown: string): Step[] {
  const lines = markdown.split('\n');
  const steps: Step[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = /^<!-- (tested|file: (\S+))(.*?) -->$/.exec(lines[i]!);
    if (!marker) continue;
    const open = lines[i + 1] ?? '';
    if (!/^```\w+$/.test(open)) throw new Error(`docs/rules.md:${i + 1}: a marker must be followed by a fenced block`);
    const close = lines.findIndex((line, j) => j > i + 1 && line === '```');
    const body = lines.slice(i + 2, close).join('\n');
    if (marker[2]) steps.push({ kind: 'file', line: i + 1, body, path: marker[2] });
    else {
      const exit = /exit=(\d+)/.exec(marker[3]!);
      const output = /output="((?:[^"\\]|\\.)*)"/.exec(marker[3]!);
      steps.push({ kind: 'shell', line: i + 1, body, exit: exit ? Number(exit[1]) : 0, output: output?.[1]!.replace(/\\"/g, '"') });
    }
    i = close;
  }
  return steps;
}

/** A project that has "installed" crosscheck and vitest: links to this build, as npm would make them. */
function installedProject(): string {
  const dir = tempFolder({ 'package.json': '{ "name": "desk-rules", "private": true, "type": "module" }\n' });
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'crosscheck'));
  symlinkSync(join(ROOT, 'node_modules', 'vitest'), join(dir, 'node_modules', 'vitest'));
  for (const [name, target] of [
    ['crosscheck', BIN],
    ['vitest', join(ROOT, 'node_modules', 'vitest', 'vitest.mjs')],
  ] as const) {
    const bin = join(dir, 'node_modules', '.bin', name);
    writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${target}" "$@"\n`);
    chmodSync(bin, 0o755);
  }
  return dir;
}

const steps = tutorialSteps(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8'));

describe('docs/rules.md: the tutorial’s commands work as written', () => {
  let project: string;

  beforeAll(() => {
    project = installedProject();
  });

  it('has tested commands, from init to a passing RuleTester run and a TypeScript rule', () => {
    const commands = steps.filter((s) => s.kind === 'shell').map((s) => s.body);
    expect(commands.some((c) => c.includes('npx crosscheck init'))).toBe(true);
    expect(commands.some((c) => c.includes('npx crosscheck extract'))).toBe(true);
    expect(commands.some((c) => c.includes('npx crosscheck check'))).toBe(true);
    expect(commands.some((c) => c.includes('npx vitest run'))).toBe(true);
    expect(commands.some((c) => c.includes('defineRule'))).toBe(true);
    expect(steps.filter((s) => s.kind === 'file').map((s) => s.path)).toEqual(['crosscheck.config.yaml', 'rules/death-toll.yaml', 'rules/death-toll.test.ts']);
  });

  for (const step of steps) {
    const title =
      step.kind === 'file'
        ? `line ${step.line}: ${step.path} is as shown`
        : `line ${step.line}: ${step.body.split('\n')[0]}${step.exit ? ` (exit ${step.exit})` : ''}`;
    it(title, () => {
      if (step.kind === 'file') {
        expect(readFileSync(join(project, step.path!), 'utf8')).toBe(`${step.body}\n`);
        return;
      }
      const run = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', step.body], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${join(project, 'node_modules', '.bin')}:${process.env.PATH}`, NO_COLOR: '1', CI: 'true' },
        timeout: 120_000,
      });
      const output = `${run.stdout}${run.stderr}`;
      expect(run.status, output).toBe(step.exit);
      expect(output).not.toMatch(/internal error/);
      if (step.output) expect(output).toContain(step.output);
    });
  }
});
