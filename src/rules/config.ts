import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { CrosscheckError } from '../model/errors.js';
import { readLocatedYaml, validateYaml, type LocatedYaml } from './yaml.js';

/** The names a config file may have, looked for in the working directory in this order. */
export const CONFIG_FILE_NAMES = ['crosscheck.config.json', 'crosscheck.config.yaml', 'crosscheck.config.yml'] as const;

export const SeverityLevel = z.enum(['error', 'warning', 'info', 'off']);

/**
 * `crosscheck.config.{json,yaml,yml}`: which rule folders to add, and per rule a severity (or `off`) and
 * options. Folders are relative to the config file.
 */
export const ConfigFile = z.strictObject({
  /** Rule folders (YAML rules, TypeScript rules, lexicons), after the bundled pack. */
  rules: z.array(z.string().min(1)).default([]),
  /** `false` leaves out the bundled rule pack. */
  bundled: z.boolean().default(true),
  /** Severity by rule id: error, warning, info, or off. */
  severity: z.record(z.string(), SeverityLevel).default({}),
  /** Options by rule id, validated by the rule (its kind's `options`, or its `meta.schema`). */
  options: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});
export type ConfigFile = z.infer<typeof ConfigFile>;

/** A config file as read: its settings with folders resolved, and a way to point errors into it. */
export interface LoadedConfig extends ConfigFile {
  path: string;
  yaml: LocatedYaml;
}

/** The config file of a folder (the working directory), if any; two of them is an error. */
export function findConfigFile(cwd: string = process.cwd()): string | undefined {
  const found = CONFIG_FILE_NAMES.map((name) => join(cwd, name)).filter((path) => existsSync(path));
  if (found.length > 1) {
    throw new CrosscheckError(`two config files: ${found.join(' and ')}; keep one`, { code: 'config' });
  }
  return found[0];
}

/** Reads and validates a config file; errors name the file and line. JSON is read as the YAML it is. */
export function readConfigFile(path: string): LoadedConfig {
  if (!existsSync(path)) throw new CrosscheckError('config file not found', { file: path, code: 'config' });
  const yaml = readLocatedYaml(path);
  const config = validateYaml(yaml, ConfigFile);
  const base = dirname(resolve(path));
  const rules = config.rules.map((dir, index) => {
    const absolute = resolve(base, dir);
    if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
      throw yaml.error(['rules', index], `\`rules\`: folder "${dir}" not found (folders are relative to the config file)`);
    }
    return absolute;
  });
  return { ...config, rules, path, yaml };
}

/** Where the rules come from: folders in order, severities, options, and the config that set them. */
export interface RuleSources {
  dirs: string[];
  overrides: Record<string, z.infer<typeof SeverityLevel>>;
  options: Record<string, Record<string, unknown>>;
  config?: LoadedConfig;
}

/**
 * Merges the bundled pack, a config file and explicit settings (which win): folders are the bundled
 * pack, then the config's, then `rules`; severities and options are merged by rule id.
 */
export function resolveRuleSources(
  settings: {
    bundledDir: string;
    rules?: readonly string[];
    noBundledRules?: boolean;
    config?: string;
    overrides?: Readonly<Record<string, z.infer<typeof SeverityLevel>>>;
    options?: Readonly<Record<string, Record<string, unknown>>>;
  },
): RuleSources {
  const config = settings.config === undefined ? undefined : readConfigFile(settings.config);
  const bundled = !settings.noBundledRules && (config?.bundled ?? true);
  return {
    dirs: [...(bundled ? [settings.bundledDir] : []), ...(config?.rules ?? []), ...(settings.rules ?? [])],
    overrides: { ...config?.severity, ...settings.overrides },
    options: { ...config?.options, ...settings.options },
    config,
  };
}
