import { RuleTester } from '../../src/rules/tester.js';
import { tempFolder } from '../helpers.js';

const ARTICLES = {
  'a.txt': ' date 2025-10-20\nLa 8e session de la Commission mixte s’est tenue le 17 octobre 2025 à Lisbonne.',
  'b.txt': ' date 2025-10-21\nThe 8th session of the Joint Commission took place on 16 October 2025 in Lisbon.',
};

// The bundled reference/sessions ships with no facts: it reports nothing.
new RuleTester().run('reference/sessions (as shipped)', 'reference/sessions', { valid: [{ articles: ARTICLES }], invalid: [] });

// A desk's copy of it, with one fact: the examples of docs/rules/reference-sessions.md.
const desk = tempFolder({
  'sessions.yaml': `id: reference/sessions
kind: reference
description: Session dates the desk has on record.
reference:
  rule: event/session
facts:
  - match: { ordinal: 8, series: [commission] }
    value: 2025-10-16
    source: minutes of the 8th session
`,
});
new RuleTester({ rules: [desk] }).run('reference/sessions (with facts)', 'reference/sessions', {
  valid: [{ name: 'the date on record', articles: { 'b.txt': ARTICLES['b.txt'] } }],
  invalid: [
    {
      name: 'another date',
      articles: ARTICLES,
      findings: [
        {
          messageId: 'conflict',
          message: 'a says 2025-10-17, but the reference says 2025-10-16 (minutes of the 8th session).',
          sides: [{ doc: 'a', values: ['2025-10-17'], quote: 'le 17 octobre 2025' }],
        },
      ],
    },
  ],
});
