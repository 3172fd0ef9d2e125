import { test } from 'vitest';
import { extractAll, brief } from '/work/main/tests/fixtures/extraction/lexicon.js';
test.skipIf(!process.env.CASES)('q', () => { for (const [l, t, p] of JSON.parse(process.env.CASES!)) console.log(t, '\n   ', extractAll(l, t, p).map(m => `${m.kind} [${m.text}]=${m.value} ${m.precision ?? ''} ${m.rule} ${JSON.stringify(m.attrs)}`).join('\n    ')); });
