import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled module a worker thread runs: `name` beside the module at `base` (its `import.meta.url`) when
 * that module is compiled, else, from TypeScript sources (tests), `dist/<path>` of the package; undefined
 * when neither exists (the package is not built).
 */
export function compiledModule(base: string, path: string): URL | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const candidate of [`./${name}`, `../../dist/${path}`]) {
    const url = new URL(candidate, base);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}
