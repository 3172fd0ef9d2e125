import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../ingest/read.js';
import { CrosscheckError } from '../model/errors.js';

/**
 * The articles changed since `ref`, for `--changed-since`: what a pull request or a local branch adds or
 * edits. That is
 *  - every file added, copied, modified or renamed between the merge base of `ref` and HEAD and the
 *    working tree (`git diff --diff-filter=ACMR $(git merge-base ref HEAD)`): the branch's commits, and
 *    also edits not committed yet, staged or not;
 *  - plus untracked files Git does not ignore (a new article not yet `git add`ed).
 * In CI the working tree is HEAD, so this is exactly `git diff ref...HEAD`. Deleted files are left out.
 * Only article files (.txt, .md, .markdown) under one of `scope` (files or folders) are kept; paths are
 * returned relative to `cwd`, sorted. Errors (not a repository, unknown ref, no git) exit 2.
 */
export function changedArticleFiles(ref: string, scope: readonly string[], cwd: string = process.cwd()): string[] {
  const top = git(['rev-parse', '--show-toplevel'], cwd, 'not a git repository; --changed-since needs one (or name the new articles instead)').trim();
  git(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    cwd,
    `unknown git ref "${ref}"; in CI fetch it first (actions/checkout with fetch-depth: 0, GitLab GIT_DEPTH: 0, or git fetch origin <branch>)`,
  );
  const base = git(['merge-base', '--end-of-options', ref, 'HEAD'], cwd, `"${ref}" and HEAD have no common ancestor; the clone may be shallow (fetch the full history: fetch-depth: 0)`).trim();
  const changed = git(['-c', 'core.quotePath=false', 'diff', '--name-only', '-z', '--no-ext-diff', '--diff-filter=ACMR', base, '--'], top);
  const untracked = git(['ls-files', '-z', '--others', '--exclude-standard', '--full-name'], top);
  // Real paths on both sides: Git reports the top level with symbolic links resolved (/tmp → /private/tmp).
  const here = realpathSync(cwd);
  const scopes = scope.map((path) => {
    try {
      return realpathSync(resolve(cwd, path));
    } catch {
      throw new CrosscheckError('no such file or folder', { file: path, code: 'usage' });
    }
  });
  const files = new Set<string>();
  for (const name of `${changed}\0${untracked}`.split('\0')) {
    if (name === '' || !ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase())) continue;
    const absolute = resolve(top, name);
    if (!scopes.some((dir) => absolute === dir || absolute.startsWith(`${dir}${sep}`)) || !existsSync(absolute)) continue;
    const shown = relative(here, absolute);
    files.add(shown.startsWith('..') || isAbsolute(shown) ? absolute : shown);
  }
  return [...files].sort();
}

/** Runs git and returns its standard output; a failure becomes a CrosscheckError (exit 2) saying what to do. */
function git(args: readonly string[], cwd: string, explanation?: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new CrosscheckError('git not found; --changed-since needs git on the PATH', { code: 'usage' });
    const stderr = String(failure.stderr ?? '').trim();
    throw new CrosscheckError(explanation ?? `git ${args.join(' ')} failed: ${stderr}`, { code: 'usage' });
  }
}
