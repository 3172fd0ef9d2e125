// Tests of the toll/deaths rule. Run them with: npx vitest run rules
import { RuleTester } from 'crosscheck/testing';

const tester = new RuleTester({ rules: [new URL('.', import.meta.url)] });

tester.run('toll/deaths', 'toll/deaths', {
  valid: [
    {
      name: 'the same toll in French and in English',
      articles: {
        'fr.txt': "L'effondrement d'un immeuble à Lisbonne a fait 12 morts samedi.",
        'en.txt': 'Twelve people were killed when a building collapsed in Lisbon on Saturday.',
      },
    },
    {
      name: 'a hedged figure agrees with a larger one',
      articles: {
        'fr.txt': "L'effondrement d'un immeuble à Lisbonne a fait au moins 10 morts.",
        'en.txt': '15 people were killed when a building collapsed in Lisbon.',
      },
    },
    {
      name: 'two places, two events',
      articles: {
        'fr.txt': "L'effondrement d'un immeuble à Lisbonne a fait 12 morts.",
        'en.txt': 'A fire in Porto left 15 people dead.',
      },
    },
  ],
  invalid: [
    {
      name: '12 dead in one article, 15 in the other',
      articles: {
        'fr.txt': "L'effondrement d'un immeuble à Lisbonne a fait 12 morts samedi.",
        'en.txt': '15 people were killed when a building collapsed in Lisbon on Saturday.',
      },
      findings: [
        {
          messageId: 'conflict',
          sides: [
            { doc: 'en', values: ['15'], quote: '15 people were killed' },
            { doc: 'fr', values: ['12'], quote: 'a fait 12 morts' },
          ],
        },
      ],
    },
  ],
});
