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
    {
      name: 'the date most sources give cited by its first five, every other side by all of its',
      articles: {
        ...Object.fromEntries(
          Array.from({ length: 7 }, (_, i) => [`a${i + 1}.txt`, ` date 2024-01-0${i + 1}\nLe Partenariat Stratégique Renforcé conclu en avril 2019 entre les deux pays reste central.`]),
        ),
        'b.txt': ' date 2024-01-09\nThe Enhanced Strategic Partnership signed in June 2016 remains central.',
      },
      findings: [
        {
          messageId: 'conflict',
          message: '7 sources say 2019-04 (held), among them a1, a2, a3, a4, a5 and 2 more; b says 2016-06 (held): the dates do not match.',
          hint: /^7 sources agree on 2019-04; b \(2016-06\) is the outlier\./,
          sides: [...[1, 2, 3, 4, 5].map((i) => ({ doc: `a${i}`, values: ['2019-04'] })), { doc: 'b', values: ['2016-06'] }],
        },
      ],
    },
  ],
});
