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
      name: 'the usual spelling cited by its first five documents, every other spelling by all of its',
      articles: {
        ...Object.fromEntries(
          Array.from({ length: 7 }, (_, i) => [`a${i + 1}.txt`, ` date 2024-02-0${i + 1}\nLe ministre Andreï Volkov est arrivé à Paris.`]),
        ),
        'b.txt': ' date 2024-02-09\nLe ministre Andrei Volkov a quitté Paris.',
      },
      findings: [
        {
          messageId: 'variants',
          message: 'Andrei Volkov is spelled "Andrei Volkov" (1 document(s)) and "Andreï Volkov" (7 document(s)) in fr sources.',
          sides: [...[1, 2, 3, 4, 5].map((i) => ({ doc: `a${i}`, values: ['Andreï Volkov'] })), { doc: 'b', values: ['Andrei Volkov'] }],
        },
      ],
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
