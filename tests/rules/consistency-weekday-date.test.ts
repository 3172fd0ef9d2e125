import { RuleTester } from '../../src/rules/tester.js';

// The examples of docs/rules/consistency-weekday-date.md.
new RuleTester().run('consistency/weekday-date', 'consistency/weekday-date', {
  valid: [
    { name: 'the right weekday', articles: { 'a.txt': 'Le sommet s’est ouvert le jeudi 16 octobre 2025 à Genève.' } },
    { name: 'in English', articles: { 'a.txt': 'The summit opened on Thursday, 16 October 2025, in Geneva.' } },
  ],
  invalid: [
    {
      name: 'Tuesday 16 October 2025 was a Thursday',
      articles: { 'a.txt': 'Le sommet s’est ouvert le mardi 16 octobre 2025 à Genève.' },
      findings: [
        {
          messageId: 'mismatch',
          message: '"mardi 16 octobre 2025": 2025-10-16 is a Thursday, not a Tuesday.',
          sides: [{ doc: 'a', values: ['2025-10-16', 'Tuesday'] }],
        },
      ],
    },
  ],
});
