import { RuleTester } from '../../src/rules/tester.js';

// The examples of docs/rules/event-agreement.md.
new RuleTester().run('event/agreement', 'event/agreement', {
  valid: [
    {
      name: 'a year and a month inside it agree, across languages',
      articles: {
        'fr.txt': ' date 2024-01-05\nLe Partenariat Stratégique Renforcé conclu en avril 2019 entre les deux pays reste central.',
        'en.txt': ' date 2024-01-06\nThe Enhanced Strategic Partnership signed in 2019 remains central.',
      },
    },
  ],
  invalid: [
    {
      name: 'two different years for one agreement',
      articles: {
        'fr.txt': ' date 2024-01-05\nLe Partenariat Stratégique Renforcé conclu en avril 2019 entre les deux pays reste central.',
        'en.txt': ' date 2024-01-06\nThe Enhanced Strategic Partnership signed in April 2018 remains central.',
      },
      findings: [{ messageId: 'conflict', severity: 'error', sides: [{ doc: 'en', values: ['2018-04'] }, { doc: 'fr', values: ['2019-04'] }] }],
    },
  ],
});
