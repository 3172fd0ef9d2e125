import { RuleTester } from '../../src/rules/tester.js';

// The examples of docs/rules/event-meeting.md.
new RuleTester().run('event/meeting', 'event/meeting', {
  valid: [
    {
      name: 'single meetings are never compared',
      articles: {
        'a.txt': ' date 2024-03-01\nLe ministre Jan Kowalski a rencontré son homologue à Rabat en 2019.',
        'b.txt': ' date 2024-03-02\nMinister Jan Kowalski met his counterpart in Rabat in 2021.',
      },
    },
  ],
  invalid: [
    {
      name: 'two complete lists of meetings that differ',
      articles: {
        'a.txt': ' date 2024-03-01\nLe ministre Jan Kowalski a eu deux entretiens à Rabat, en 2019 et en 2021.',
        'b.txt': ' date 2024-03-02\nMinister Jan Kowalski held two meetings in Rabat, in 2019 and 2022.',
      },
      findings: [{ messageId: 'setConflict', severity: 'error', sides: [{ doc: 'a', values: ['2019', '2021'] }, { doc: 'b', values: ['2019', '2022'] }] }],
    },
  ],
});
