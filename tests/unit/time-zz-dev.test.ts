import { test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { extractAll } from '/work/main/tests/fixtures/extraction/lexicon.js';
test.skipIf(!process.env.DEV)('dev', () => {
  const root = '/work/shared/devset';
  const seen = new Set<string>();
  for (const dir of readdirSync(root)) {
    if (!dir.includes(process.env.DEV!)) continue;
    let files: string[] = [];
    try { files = readdirSync(`${root}/${dir}`).filter((f) => f.endsWith('.txt')); } catch { continue; }
    for (const f of files) {
      const text = readFileSync(`${root}/${dir}/${f}`, 'utf8');
      const lang = /fr/.test(f) ? 'fr' : 'en';
      if (process.env.LANG_ONLY && lang !== process.env.LANG_ONLY) continue;
      for (const line of text.split('\n')) {
        for (const m of extractAll(lang as 'fr'|'en', line, null)) {
          if (process.env.KINDS && !process.env.KINDS.split(',').includes(m.kind)) continue;
          const ctx = line.slice(Math.max(0, m.span[0] - 40), m.span[1] + 30).replace(/\n/g, ' ');
          const key = `${m.kind}|${m.text}|${ctx}`;
          if (seen.has(key)) continue; seen.add(key);
          console.log(`${lang} ${m.kind.padEnd(8)} [${m.text}] = ${m.value} ${m.precision ?? ''} ${m.rule?.split(' ')[0]} ‹${ctx}›`);
        }
      }
    }
  }
});
