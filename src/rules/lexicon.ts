import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AliasEntry, Lexicon, LocaleLexicon, PlaceEntry } from '../model/lexicon.js';
import { readYamlFile } from './yaml.js';

/** A fragment of a locale lexicon: any subset of its keys. */
const LocaleFragment = z.object({ lang: z.enum(['fr', 'en']) }).catchall(z.unknown());
/** A shared lexicon file at the root of `lexicon/`: places, aliases, translations. */
const SharedFragment = z.strictObject({
  places: z.record(z.string(), PlaceEntry).optional(),
  aliases: z.array(AliasEntry).optional(),
  translations: z.record(z.string(), z.string()).optional(),
});

/**
 * Reads `<dir>/lexicon/<lang>/*.yaml` and `<dir>/lexicon/*.yaml` for every rules directory, in order,
 * and merges them: maps merge key by key (later wins), lists concatenate. Each fragment is validated,
 * so a typo in a user's lexicon is reported with its file and line.
 */
export function loadLexicon(ruleDirs: readonly string[]): Lexicon {
  const locales: Record<string, Record<string, unknown>> = {};
  const shared = { places: {}, aliases: [], translations: {} } as Required<z.infer<typeof SharedFragment>>;
  for (const dir of ruleDirs) {
    const root = join(dir, 'lexicon');
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root).sort()) {
      const path = join(root, entry);
      if (statSync(path).isDirectory()) {
        for (const file of readdirSync(path).filter(isYaml).sort()) {
          const fragment = readYamlFile(join(path, file), LocaleFragment);
          locales[fragment.lang] = mergeDeep(locales[fragment.lang] ?? {}, fragment);
        }
      } else if (isYaml(entry)) {
        const fragment = readYamlFile(path, SharedFragment);
        Object.assign(shared.places, fragment.places);
        shared.aliases.push(...(fragment.aliases ?? []));
        Object.assign(shared.translations, fragment.translations);
      }
    }
  }
  const parsedLocales: Record<string, LocaleLexicon> = {};
  for (const lang of ['fr', 'en'] as const) {
    parsedLocales[lang] = LocaleLexicon.parse(locales[lang] ?? { lang });
  }
  return Lexicon.parse({ locales: parsedLocales, ...shared });
}

function isYaml(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

function mergeDeep(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = out[key];
    if (Array.isArray(existing) && Array.isArray(value)) out[key] = [...existing, ...value];
    else if (isPlainObject(existing) && isPlainObject(value)) out[key] = mergeDeep(existing, value);
    else out[key] = value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
