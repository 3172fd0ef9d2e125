import { RuleTester } from '../../src/rules/tester.js';

// The examples of docs/rules/generic-values.md: articles written for the project, one per kind of error
// and per trap.
const court = (weekday: string, lead: string) =>
  `${lead} A judge in Oakridge sentenced Tom Vessel on ${weekday} to life in prison for the 2019 bank robbery that left three guards injured. Vessel, 41, had pleaded guilty in March.`;

new RuleTester().run('generic/values', 'generic/values', {
  valid: [
    {
      name: 'the same facts phrased differently, with a hedge and a unit conversion',
      articles: {
        'a.txt': 'At least 50 people were injured when the storm hit Port Elwin on Tuesday, and the harbour lost 550 pounds of nets.',
        'b.txt': 'Seventy people were injured when the storm hit Port Elwin on Tuesday, and the harbour lost 250 kg of nets.',
        'c.txt': 'The storm that hit Port Elwin on Tuesday injured 70 people and the harbour lost 250 kg of nets.',
      },
    },
    {
      name: 'two different events of one kind, with no majority and little else in common',
      articles: {
        'a.txt': 'A magnitude 5.9 earthquake struck near Verona on Tuesday, damaging five villages.',
        'b.txt': 'A magnitude 6.1 earthquake struck near Izmir on Friday, damaging seven villages.',
      },
    },
    {
      name: 'a weekday that opens a clause about the future is not compared with the day of a past meeting',
      articles: {
        'a.txt': 'Published March 6, 2024\nOn Friday, the fishing ministers will meet again in Oslo to sign the quota accord.',
        'b.txt': 'Published March 6, 2024\nThe fishing ministers met in Oslo on Tuesday to discuss the quota accord.',
        'c.txt': 'Published March 6, 2024\nThe fishing ministers met on Tuesday in Oslo and discussed the quota accord.',
      },
    },
    {
      name: 'several articles that give the majority value and, elsewhere, another value of the same kind (a rival lease)',
      articles: {
        'a.txt': 'The port authority offered Norrland Shipping a five-year lease on the east dock on Monday.',
        'b.txt': 'Norrland Shipping received a five-year lease on the east dock from the port authority.',
        'c.txt': 'The port authority has offered Norrland Shipping a five-year lease on the east dock.',
        'd.txt': 'Norrland Shipping is weighing a five-year lease from the port authority. Osk Freight, according to the port, has offered Norrland Shipping a three-year lease on the east dock.',
        'e.txt': 'The port authority wants Norrland Shipping for five years. Osk Freight offered Norrland Shipping a three-year lease on the east dock, the port said.',
      },
    },
    {
      name: 'the ages of two named people in one story are never compared with each other',
      articles: {
        'a.txt': 'Lena Strand, 52, was rescued by the lifeboat crew off Port Elwin on Tuesday.',
        'b.txt': 'Lena Strand, 52, was rescued by the lifeboat crew off Port Elwin on Tuesday night.',
        'c.txt': 'Ivo Marsh, 38, was rescued by the lifeboat crew off Port Elwin on Tuesday.',
      },
    },
    {
      name: 'a sentence that names only some of a group agrees with one that lists them all',
      articles: {
        'a.txt': 'Three teenagers aged 15, 16 and 17 were held after the fire at the Oakridge depot.',
        'b.txt': 'Three teenagers aged 15, 16 and 17 were held after the fire at the Oakridge depot, police said.',
        'c.txt': 'A 17-year-old was among those held after the fire at the Oakridge depot.',
      },
    },
  ],
  invalid: [
    {
      name: 'a weekday in a reporting clause is past even when the news it reports is about the future',
      articles: {
        'a.txt': 'Published March 8, 2024\nThe Elm Street bridge will reopen to traffic next month, the city council said Friday.',
        'b.txt': 'Published March 8, 2024\nThe city council said on Friday that the Elm Street bridge is to reopen next month.',
        'c.txt': 'Published March 8, 2024\nThe city council confirmed on Friday that the Elm Street bridge would reopen to traffic.',
        'd.txt': 'Published March 8, 2024\nThe Elm Street bridge will reopen to traffic next month, the city council said Wednesday.',
      },
      findings: [
        {
          messageId: 'outlier',
          sides: [{ doc: 'a', values: ['Friday'] }, { doc: 'b', values: ['Friday'] }, { doc: 'c', values: ['Friday'] }, { doc: 'd', values: ['Wednesday'] }],
        },
      ],
    },
    {
      name: 'a weekday outvoted by three sources',
      articles: {
        'a.txt': court('Saturday', 'Oakridge, May 4.'),
        'b.txt': court('Saturday', 'From our correspondent.'),
        'c.txt': court('Saturday', 'Court news.'),
        'd.txt': court('Monday', 'Late edition.'),
      },
      findings: [
        {
          messageId: 'outlier',
          severity: 'error',
          sides: [{ doc: 'a', values: ['Saturday'] }, { doc: 'b', values: ['Saturday'] }, { doc: 'c', values: ['Saturday'] }, { doc: 'd', values: ['Monday'] }],
        },
      ],
    },
    {
      name: 'a year changed in one of two translations',
      articles: {
        'en.txt': 'The bridge over the Marne was opened on 12 June 1931 by the mayor, who had fought for it for ten years.',
        'fr.txt': 'Le pont sur la Marne a été inauguré le 12 juin 1931 par le maire, qui s’était battu pour lui pendant dix ans.',
        'fr-ca.txt': 'Le pont sur la Marne a été inauguré le 12 juin 1936 par le maire, qui s’était battu pour lui pendant dix ans.',
      },
      findings: [
        {
          messageId: 'outlier',
          sides: [{ doc: 'en', values: ['1931-06-12'] }, { doc: 'fr', values: ['1931-06-12'] }, { doc: 'fr-ca', values: ['1936-06-12'] }],
        },
      ],
    },
    {
      name: 'an age changed in one of two translations, read from a list of ages worded three ways',
      articles: {
        'en.txt':
          'Storm closes the coast road.\nThe ferry was cancelled on Monday.\nA 15-year-old, two 16-year-olds and a 19-year-old man were held overnight near Harlow, Essex Police said.\nThe depot reopens next week.',
        'fr.txt':
          'La tempête ferme la route côtière.\nLe bac a été annulé lundi.\nLa police de l’Essex a arrêté les quatre jeunes gens (âgés de 15, 16 et 29 ans) pendant la nuit près de Harlow.\nLe dépôt rouvre la semaine prochaine.',
        'fr-ca.txt':
          'La tempête ferme la route côtière.\nLe traversier a été annulé lundi.\nUn adolescent de 15 ans, deux de 16 ans et un homme de 19 ans ont été détenus durant la nuit près de Harlow, selon la police.\nLe dépôt rouvre la semaine prochaine.',
      },
      findings: [
        {
          messageId: 'outlier',
          sides: [{ doc: 'en', values: ['15, 16, 19'] }, { doc: 'fr-ca', values: ['15, 16, 19'] }, { doc: 'fr', values: ['15, 16, 29'] }],
        },
      ],
    },
  ],
});
