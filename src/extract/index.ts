import type { Document } from '../model/document.js';
import type { Lexicon } from '../model/lexicon.js';
import type { Mention, Span } from '../model/mention.js';
import { foldDocument } from '../text/fold.js';
import { splitSentences } from '../text/sentences.js';
import { extractNames } from './names.js';
import { extractNumbers } from './numbers/index.js';
import { findPublicationDate } from './published.js';
import { parseTimes, resolveTimes } from './time/index.js';
import { extractTriggers, type TriggerSpec } from './triggers.js';

export { extractTriggers, type TriggerSpec } from './triggers.js';

export interface ExtractOptions {
  lexicon: Lexicon;
  triggers: readonly TriggerSpec[];
}

export interface Extraction {
  /** The document, with its publication date filled in when the text gives one. */
  doc: Document;
  sentences: Span[];
  mentions: Mention[];
}

const abbreviationCache = new WeakMap<Lexicon, Map<string, Set<string>>>();

function abbreviations(lexicon: Lexicon, lang: string): Set<string> {
  let perLang = abbreviationCache.get(lexicon);
  if (!perLang) abbreviationCache.set(lexicon, (perLang = new Map()));
  let set = perLang.get(lang);
  if (!set) perLang.set(lang, (set = new Set(lexicon.locales[lang]?.abbreviations ?? [])));
  return set;
}

/**
 * Everything read from one document: sentences, then time expressions (resolved against the publication
 * date, which is itself found in the text when not declared), numbers, names and event triggers.
 * Pure: the same document and lexicon always give the same result, so it can run in a worker.
 */
export function extractDocument(input: Document, options: ExtractOptions): Extraction {
  const { lexicon } = options;
  const locale = lexicon.locales[input.lang];
  if (!locale) throw new Error(`no lexicon for language ${input.lang}`);
  const range: [number, number] = [input.bodyStart, input.text.length];
  const sentences = splitSentences(input.text, range, abbreviations(lexicon, input.lang));
  // Folded once: the time grammar, the publication date and the triggers all match on this copy.
  const foldedText = foldDocument(input.text);
  // Parsed once: the same readings give the publication date (when the text must say it) and the times.
  const parsedTimes = parseTimes(input.text, range, { lang: input.lang, lexicon: locale, foldedText });
  const published =
    input.published?.precision === 'day' ? input.published : findPublicationDate(input, sentences, locale, foldedText, parsedTimes) ?? input.published;
  const doc = published === input.published ? input : { ...input, published };
  const times = resolveTimes(parsedTimes, doc.published);
  const taken = times.map((m) => m.span);
  const numbers = extractNumbers(doc.text, range, { lang: doc.lang, lexicon: locale }, taken);
  const names = extractNames(doc.text, sentences, { lang: doc.lang, lexicon });
  const triggers = extractTriggers(doc.text, range, doc.lang, options.triggers, foldedText);
  const mentions = [...times, ...numbers, ...names, ...triggers].sort(
    (a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1] || a.kind.localeCompare(b.kind),
  );
  return { doc, sentences, mentions };
}
