import { RuleTester } from '../../src/rules/tester.js';

// The examples of docs/rules/event-session.md.
new RuleTester().run('event/session', 'event/session', {
  valid: [
    {
      name: 'one date in French and English',
      articles: {
        'fr.txt': ' date 2025-10-20\nLa 8e session de la Commission mixte s’est tenue le 16 octobre 2025 à Lisbonne.',
        'en.txt': ' date 2025-10-21\nThe eighth session of the Joint Commission took place in Lisbon on 16 October 2025.',
      },
    },
    {
      name: 'two different sessions of one commission',
      articles: {
        'a.txt': ' date 2021-03-01\nLa 3e session de la Commission Mixte Pologne-Portugal s’est tenue en février 2021.',
        'b.txt': ' date 2023-03-01\nThe fourth session of the Joint Commission took place in February 2023.',
      },
    },
  ],
  invalid: [
    {
      name: 'two held dates for one session',
      articles: {
        'a.txt': ' date 2022-10-20\nLa 5e session de la Commission Mixte Pologne-Portugal a eu lieu le 18 octobre 2022 à Lisbonne.',
        'b.txt': ' date 2022-12-01\nThe fifth session of the Joint Commission took place in Lisbon in November 2022.',
      },
      findings: [{ messageId: 'conflict', severity: 'error', sides: [{ doc: 'a', values: ['2022-10-18'] }, { doc: 'b', values: ['2022-11'] }] }],
    },
    {
      name: 'a plan that slipped',
      articles: {
        'plan.txt': ' date 2019-11-02\nLes ministres ont évoqué la 4e session de la Commission Mixte Pologne-Portugal, prévue pour 2020.',
        'held.txt': ' date 2023-05-12\nThe fourth session of the Joint Commission was held in Warsaw on 10 May 2023.',
      },
      findings: [
        {
          messageId: 'planVersusHeld',
          severity: 'warning',
          sides: [
            { doc: 'held', values: ['2023-05-10'], modality: 'held' },
            { doc: 'plan', values: ['2020'], modality: 'planned' },
          ],
        },
      ],
    },
  ],
});
