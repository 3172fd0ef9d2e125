import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = resolve(ROOT, 'dist', 'cli', 'main.js');

/** Runs the real CLI (the compiled bin, as a user would; `bin` for another copy of it) and returns its exit code and output. */
export function crosscheck(args: readonly string[], options: { cwd?: string; input?: string; env?: Record<string, string>; bin?: string } = {}) {
  const result = spawnSync(process.execPath, [options.bin ?? BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
