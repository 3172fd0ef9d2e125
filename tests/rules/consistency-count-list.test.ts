import { RuleTester } from '../../src/rules/tester.js';

// The examples of docs/rules/consistency-count-list.md.
new RuleTester().run('consistency/count-list', 'consistency/count-list', {
  valid: [{ name: 'two visits, two years', articles: { 'a.txt': 'En 2012 et 2019, le ministre a effectué deux visites à Madrid.' } }],
  invalid: [
    {
      name: 'two visits, three years',
      articles: { 'a.txt': 'En 2012, 2015 et 2019, le ministre a effectué deux visites à Madrid.' },
      findings: [{ messageId: 'mismatch', severity: 'warning', sides: [{ doc: 'a', values: ['2', '2012', '2015', '2019'] }] }],
    },
  ],
});
