import { RuleTester } from '../../src/rules/tester.js';

// The examples of docs/rules/consistency-name-spelling.md.
new RuleTester().run('consistency/name-spelling', 'consistency/name-spelling', {
  valid: [
    {
      name: 'transliterations across languages are expected',
      articles: {
        'fr.txt': ' date 2024-02-01\nLe vice-premier ministre Dmitri Koutchenko est à Rome.',
        'en.txt': ' date 2024-02-01\nDeputy Prime Minister Dmitry Kuchenko is in Rome.',
      },
    },
  ],
  invalid: [
    {
      name: 'two spellings in French sources',
      articles: {
        'a.txt': ' date 2024-02-01\nLe ministre Andreï Volkov est arrivé à Paris.',
        'b.txt': ' date 2024-02-02\nLe ministre Andrei Volkov a quitté Paris.',
        'c.txt': ' date 2024-02-03\nMinister Andrey Volkov left Paris.',
      },
      findings: [{ messageId: 'variants', severity: 'info', sides: [{ doc: 'a', values: ['Andreï Volkov'] }, { doc: 'b', values: ['Andrei Volkov'] }] }],
    },
    {
      name: 'across languages too, with the option',
      options: { acrossLanguages: true },
      articles: {
        'fr.txt': ' date 2024-02-01\nLe vice-premier ministre Dmitri Koutchenko est à Rome.',
        'en.txt': ' date 2024-02-01\nDeputy Prime Minister Dmitry Kuchenko is in Rome.',
      },
      findings: [{ messageId: 'variants', sides: [{ doc: 'en', values: ['Dmitry Kuchenko'] }, { doc: 'fr', values: ['Dmitri Koutchenko'] }] }],
    },
  ],
});
