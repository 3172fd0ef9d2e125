import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CrosscheckError } from '../model/errors.js';

/** A file's content: one string, or pieces written in turn (a report too long to be one string). */
export type FileContent = string | Iterable<string>;

/** Pieces are gathered up to this many characters before each write. */
const WRITE_CHARS = 1 << 20;

/**
 * Writes several files so that either all of them are replaced or none is: every file is first written
 * next to its target under a temporary name, then all are renamed. A failure (of the disk, or of the
 * code making a file's pieces) removes the temporaries.
 */
export function writeFilesAtomically(dir: string, files: ReadonlyArray<{ name: string; content: FileContent }>): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new CrosscheckError(`cannot create the output folder (${(error as NodeJS.ErrnoException).code})`, { file: dir, code: 'usage' });
  }
  const staged: Array<{ temp: string; target: string }> = [];
  try {
    for (const file of files) {
      const target = join(dir, file.name);
      const temp = join(dir, `.${file.name}.${process.pid}.tmp`);
      staged.push({ temp, target });
      writeContent(temp, file.content);
    }
    // A rename that would fail after others succeeded would leave a mixed report: check targets first.
    for (const { target } of staged) {
      if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw new CrosscheckError('cannot write the report: a folder has its name', { file: target, code: 'usage' });
    }
    for (const { temp, target } of staged) renameSync(temp, target);
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    if (!isSystemError(error)) throw error;
    throw new CrosscheckError(`cannot write the report (${error.code})`, { file: dir, code: 'usage' });
  }
  return staged.map((s) => s.target);
}

function writeContent(file: string, content: FileContent): void {
  const fd = openSync(file, 'w');
  try {
    let pending: string[] = [];
    let length = 0;
    for (const piece of typeof content === 'string' ? [content] : content) {
      pending.push(piece);
      length += piece.length;
      if (length < WRITE_CHARS) continue;
      writeAll(fd, pending.join(''));
      pending = [];
      length = 0;
    }
    if (length > 0) writeAll(fd, pending.join(''));
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined;
}
