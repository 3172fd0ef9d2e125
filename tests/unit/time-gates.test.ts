import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateCorpus } from '../../bench/generate.js';
import { timeGrammarOf } from '../../src/extract/time/grammar.js';
import { foldAligned } from '../../src/text/fold.js';
import { loadTestLexicon } from '../fixtures/extraction/lexicon.js';

/**
 * A parser's `requires` lets a text skip its pattern when the text lacks a word of a list. That is only
 * right if the pattern never matches such a text: checked here on every annotated sentence (each kind of
 * time expression, traps included) and on generated articles, where most parsers have nothing to find.
 */
/** Forms the annotated sentences do not have. */
const MORE: Record<'fr' | 'en', string[]> = {
  fr: ['Les rencontres des 9-10 novembre 2014 et de janvier-mars 2021.'],
  en: ["October's vote, and the January-March 2021 quarter."],
};

function texts(lang: 'fr' | 'en'): string[] {
  const fixture = parse(readFileSync(fileURLToPath(new URL(`../fixtures/extraction/${lang}.yaml`, import.meta.url)), 'utf8')) as { items: Array<{ text: string }> };
  const articles = generateCorpus({ count: 200, seed: 3 }).files.filter((file) => file.name.endsWith(`-${lang}.txt`));
  return [...fixture.items.map((item) => item.text), ...MORE[lang], ...articles.map((file) => file.text)].map(foldAligned);
}

describe('time parsers: the words a parser requires', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: a text without them has no match of the pattern, and every parser that requires words finds matches`, () => {
      const grammar = timeGrammarOf(loadTestLexicon(lang));
      const gated = grammar.parsers.filter((compiled) => compiled.gates.length > 0);
      expect(gated.length).toBeGreaterThan(15);
      const skipped = new Map<string, number>();
      const matched = new Map<string, number>();
      for (const text of texts(lang)) {
        for (const { parser, regex, gates } of gated) {
          regex.lastIndex = 0;
          const match = regex.exec(text);
          if (match) matched.set(parser.name, (matched.get(parser.name) ?? 0) + 1);
          if (gates.every((gate) => gate.test(text))) continue;
          skipped.set(parser.name, (skipped.get(parser.name) ?? 0) + 1);
          expect(match?.[0], `${parser.name} in ${JSON.stringify(text)}`).toBeUndefined();
        }
      }
      // The check means something: each gated parser is skipped on some texts and matches others.
      for (const { parser } of gated) {
        expect(skipped.get(parser.name) ?? 0, parser.name).toBeGreaterThan(0);
        expect(matched.get(parser.name) ?? 0, parser.name).toBeGreaterThan(0);
      }
    });
  }
});
