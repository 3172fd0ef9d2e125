import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRootFolder } from '../helpers.js';
import { crosscheck } from './cli.js';

describe('a check larger than node\'s heap', () => {
  // Five seed articles counted as 700 MB of heap each (CROSSCHECK_HEAP_PER_ARTICLE): 3.5 GB, more than three
  // quarters of node's default limit, as a million news articles would be.
  const env = { CROSSCHECK_HEAP_PER_ARTICLE: '700000000', NODE_OPTIONS: '' };

  it('starts again in a node with a heap that holds it, once, and reports as a plain run does', () => {
    const out = join(tempRootFolder(), 'heap-relaunch');
    const plain = crosscheck(['check', 'seeds', '--format', 'json', '--out', join(out, 'plain'), '--fail-on', 'warning'], { env: { NODE_OPTIONS: '' } });
    const large = crosscheck(['check', 'seeds', '--format', 'json', '--out', join(out, 'large'), '--fail-on', 'warning'], { env });
    const fits = 1.25 * 5 * 2 ** 30 <= totalmem();
    const said = large.stderr.split('\n').filter((line) => line.includes("may need more than node's heap limit"));
    expect(said).toHaveLength(1);
    if (fits) {
      expect(said[0]).toMatch(/^crosscheck: 5 articles may need more .*about 3\.5 GB for this many\): starting again with --max-old-space-size=5120 /);
    } else {
      expect(said[0]).toMatch(/this machine has .* of memory/);
    }
    expect(large.code).toBe(plain.code);
    expect(large.stdout).toBe(plain.stdout);
    expect(readFileSync(join(out, 'large', 'discrepancies.json'), 'utf8')).toBe(readFileSync(join(out, 'plain', 'discrepancies.json'), 'utf8'));
  });

  it('leaves a heap the user chose alone, and says what it may need', () => {
    const run = crosscheck(['check', 'seeds', '--fail-on', 'never'], { env: { ...env, NODE_OPTIONS: '--max-old-space-size=3000' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/5 articles may need more than node's heap limit \(3\.\d GB; about 3\.5 GB for this many\) \(the heap size you gave node is less than that\): .*NODE_OPTIONS=--max-old-space-size=5120/);
    expect(run.stderr).not.toContain('starting again');
  });
});
