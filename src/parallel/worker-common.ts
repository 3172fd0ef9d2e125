import type { RuleSourcesDigest } from '../cache/key.js';
import { CrosscheckError } from '../model/errors.js';
import type { RuleOptions, SeverityOverride } from '../rules/load.js';
import type { Rule } from '../rules/types.js';
import type { WorkerError } from './protocol.js';

/**
 * What the worker threads share: loading the run's rules from their sources, and errors sent as plain data
 * and thrown again in the main thread.
 */

/**
 * The run's rules, loaded in a worker from their sources, in the main thread's order (`ruleIds`: a caller
 * may have dropped some; spill files number rules by this order). Imported on demand, so that a failure to
 * load the code reaches the main thread as a reply.
 */
export async function loadWorkerRules(sources: RuleSourcesDigest, ruleIds: readonly string[]): Promise<Rule[]> {
  const { loadRulesAsync } = await import('../rules/load.js');
  const { dirs, overrides, options } = sources;
  const loaded = await loadRulesAsync(dirs, overrides as Record<string, SeverityOverride>, { options: options as RuleOptions });
  return ruleIds.map((id) => {
    const rule = loaded.find((r) => r.meta.id === id);
    if (!rule) throw new Error(`rule ${id} is not in the worker's configuration`);
    return rule;
  });
}

export function describeError(error: unknown): WorkerError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const described: WorkerError = { name: error.name, message: error.message, stack: error.stack };
  if (error.name === 'CrosscheckError') {
    const { file, line, column, code } = error as Error & { file?: string; line?: number; column?: number; code: 'input' | 'config' | 'usage' };
    described.crosscheck = { file, line, column, code };
  }
  return described;
}

/** A worker's error as the main thread throws it: a CrosscheckError stays one. */
export function rebuildError(error: WorkerError): Error {
  if (error.crosscheck) return new CrosscheckError(error.message, error.crosscheck);
  const rebuilt = new Error(`in a worker thread: ${error.message}`);
  rebuilt.stack = `${rebuilt.message}\n${error.stack ?? ''}`;
  return rebuilt;
}
