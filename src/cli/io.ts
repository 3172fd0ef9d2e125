import { relaunch } from './heap.js';

/** Exit codes, documented in the README and --help. */
export const EXIT = { ok: 0, findings: 1, input: 2, usage: 2, config: 2 } as const;

/** How "-" (standard input) reaches command handlers. */
export const STDIN_ARG = '<stdin>';

/** Where the CLI writes; injected so tests can capture it. */
export interface Io {
  print(text: string): void;
  error(text: string): void;
  isTTY: boolean;
  /** Runs the same command again in a node given `nodeArgs`, resolving to its exit code (the real process only). */
  relaunch?: (nodeArgs: readonly string[]) => Promise<number>;
}

export const processIo: Io = {
  print: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(`${text}\n`),
  isTTY: Boolean(process.stderr.isTTY),
  relaunch,
};
