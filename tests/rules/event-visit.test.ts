import { RuleTester } from '../../src/rules/tester.js';

// The examples of docs/rules/event-visit.md.
new RuleTester().run('event/visit', 'event/visit', {
  valid: [
    {
      name: 'the same complete list of years',
      articles: {
        'a.txt': ' date 2024-06-01\nEn 2015 et 2021, la présidente Ewa Nowak a effectué deux visites officielles à Lisbonne.',
        'b.txt': ' date 2024-06-03\nPresident Ewa Nowak made two visits to Lisbon, in 2015 and 2021.',
      },
    },
    {
      name: 'a single visit is never compared with another',
      articles: {
        'a.txt': ' date 2024-06-01\nLa présidente Ewa Nowak a effectué une visite à Lisbonne en 2015.',
        'b.txt': ' date 2024-06-03\nPresident Ewa Nowak visited Lisbon in 2019.',
      },
    },
  ],
  invalid: [
    {
      name: 'two complete lists that differ by one year',
      articles: {
        'a.txt': ' date 2024-06-01\nLa présidente Ewa Nowak a salué les liens avec le Portugal. En 2015 et 2021, la Présidente a effectué deux visites officielles à Lisbonne.',
        'b.txt': ' date 2024-06-03\nPresident Ewa Nowak praised the ties. Two presidential visits to Lisbon, in 2015 and again in 2011, laid the groundwork.',
      },
      findings: [
        {
          messageId: 'setConflict',
          severity: 'error',
          sides: [
            { doc: 'a', values: ['2015', '2021'], quote: 'En 2015 et 2021' },
            { doc: 'b', values: ['2015', '2011'] },
          ],
        },
      ],
    },
    {
      name: 'the list most sources give cited by its first five, every other list by all of its',
      articles: {
        ...Object.fromEntries(
          Array.from({ length: 6 }, (_, i) => [`a${i + 1}.txt`, ` date 2024-06-0${i + 1}\nPresident Ewa Nowak made two visits to Lisbon, in 2015 and 2021.`]),
        ),
        'b.txt': ' date 2024-06-09\nPresident Ewa Nowak made two visits to Lisbon, in 2015 and 2011.',
      },
      findings: [
        {
          messageId: 'setConflict',
          message: '6 sources list 2015 and 2021, among them a1, a2, a3, a4, a5 and 1 more; b lists 2015 and 2011. 2015 is shared.',
          sides: [...[1, 2, 3, 4, 5].map((i) => ({ doc: `a${i}`, values: ['2015', '2021'] })), { doc: 'b', values: ['2015', '2011'] }],
        },
      ],
    },
  ],
});
