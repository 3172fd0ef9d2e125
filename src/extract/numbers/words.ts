import type { LocaleLexicon } from '../../model/lexicon.js';
import { foldKeys, foldList, quantityTables } from './lexicon.js';
import { alternation, cachedPer, SPACE, WORD_END, WORD_START } from './regex.js';

/** Number words of one language, compiled once per lexicon. */
export interface NumberWords {
  /** Regex source (no capturing groups) of a run of number words: "vingt-cinq", "two hundred and fifty". */
  readonly sequence: string;
  /** Regex source of one number or multiplier word. */
  readonly token: string;
  readonly values: ReadonlyMap<string, number>;
  readonly multipliers: ReadonlyMap<string, number>;
  /** Words that are a number only before a multiplier ("un million", not "un accord"). */
  readonly needsMultiplier: ReadonlySet<string>;
  readonly tokenizer: RegExp;
}

export const numberWordsOf = cachedPer((lexicon: LocaleLexicon): NumberWords => {
  const tables = quantityTables(lexicon);
  const values = foldKeys(lexicon.numbers);
  const multipliers = foldKeys(lexicon.multipliers);
  const token = alternation([...values.keys(), ...multipliers.keys()]);
  const joiner = alternation(foldList(tables.numberJoiners));
  const separator = `(?:${SPACE}+${joiner}${SPACE}+|${SPACE}*-${SPACE}*|${SPACE}+)`;
  return {
    sequence: `${WORD_START}${token}${WORD_END}(?:${separator}${token}${WORD_END})*${WORD_END}`,
    token,
    values,
    multipliers,
    needsMultiplier: new Set(foldList(tables.needsMultiplier)),
    tokenizer: new RegExp(`(${token})${WORD_END}(${separator})?`, 'uy'),
  };
});

export interface WordNumber {
  readonly value: bigint;
  /** Characters of the input that make the number (a trailing word that breaks the number is left out). */
  readonly length: number;
  readonly hasMultiplier: boolean;
}

/**
 * Reads a run of number words (already folded) from its start: "quatre-vingt-dix" → 90,
 * "deux cent mille" → 200000, "twenty-five" → 25. Stops before a word that cannot continue the number
 * ("deux trois" reads "deux"); returns null when nothing valid was read or the only word is an article.
 */
export function parseNumberWords(folded: string, words: NumberWords): WordNumber | null {
  const tokenizer = words.tokenizer;
  tokenizer.lastIndex = 0;
  let total = 0n;
  let current = 0n;
  let lastBig = 0n;
  let best: WordNumber | null = null;
  let onlyArticles = true;
  let hasMultiplier = false;
  for (let match = tokenizer.exec(folded); match; match = tokenizer.exec(folded)) {
    const word = match[1]!.replace(/\s+/g, ' ');
    const multiplier = words.multipliers.get(word);
    if (multiplier !== undefined) {
      const m = BigInt(multiplier);
      if (m < 1000n) {
        if (current >= 100n) break;
        current = (current === 0n ? 1n : current) * m;
      } else {
        if (lastBig !== 0n && m >= lastBig) break;
        total += (current === 0n ? 1n : current) * m;
        current = 0n;
        lastBig = m;
      }
      hasMultiplier = true;
    } else {
      const n = BigInt(words.values.get(word) ?? -1);
      // An article counts only at the start: "a million", never "million a".
      const article = words.needsMultiplier.has(word);
      if (n < 0n || !canAdd(current, n) || (article && (total !== 0n || current !== 0n))) break;
      current += n;
      if (!article) onlyArticles = false;
    }
    const length = match.index + match[1]!.length;
    if (hasMultiplier || !onlyArticles) best = { value: total + current, length, hasMultiplier };
  }
  return best;
}

/** Units and teens follow round tens ("vingt-cinq", "soixante et onze"); tens never follow tens. */
function canAdd(current: bigint, n: bigint): boolean {
  if (current === 0n) return true;
  const belowHundred = current % 100n;
  if (current % 10n !== 0n || belowHundred + n >= 100n) return false;
  return n < 20n || belowHundred === 0n;
}
