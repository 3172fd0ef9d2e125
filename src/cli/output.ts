import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrosscheckError } from '../model/errors.js';

/**
 * Writes several files so that either all of them are replaced or none is: every file is first written
 * next to its target under a temporary name, then all are renamed. A failure removes the temporaries.
 */
export function writeFilesAtomically(dir: string, files: ReadonlyArray<{ name: string; content: string }>): string[] {
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
      writeFileSync(temp, file.content);
      staged.push({ temp, target });
    }
    for (const { temp, target } of staged) renameSync(temp, target);
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw new CrosscheckError(`cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: dir, code: 'usage' });
  }
  return staged.map((s) => s.target);
}
