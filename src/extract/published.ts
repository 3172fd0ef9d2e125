import type { Document } from '../model/document.js';
import type { LocaleLexicon } from '../model/lexicon.js';
import type { Span } from '../model/mention.js';
import type { PublicationDate } from '../model/time.js';
import { foldAligned } from '../text/fold.js';
import { type ParsedTimes, resolveTimes } from './time/index.js';

/** How many lines at the top and bottom of an article may hold a dateline or byline. */
const EDGE_LINES = 6;
/** A dateline is short: the date plus a few words ("Le 14/05/2019 à 09h12", "3 avril 2019 par A. B."). */
const MAX_DATELINE_WORDS = 7;

/**
 * The publication date written in the text, at day precision, when the declared one is missing or coarser:
 * (1) a date introduced by a "today" word ("ce jour, le 12 mai 2019"), (2) a short dateline or byline
 * near the top or bottom. A declared month ("2019-05") is only refined by a day inside it. `folded` is
 * the document's `foldAligned` text; `times` the time grammar's readings of it, resolved here without an
 * anchor, so that only a date stating its own year counts.
 */
export function findPublicationDate(
  doc: Document,
  sentences: readonly Span[],
  locale: LocaleLexicon,
  folded: string,
  times: ParsedTimes,
): PublicationDate | null {
  const declared = doc.published;
  const todayWords = locale.todayWords;
  const fits = (value: string) => !declared || value.startsWith(declared.value);
  const candidates: Array<{ value: string; how: string }> = [];

  const edge = new Set([...sentences.slice(0, EDGE_LINES), ...sentences.slice(-EDGE_LINES)]);
  const todayFolded = todayWords.map((word) => foldAligned(word));
  for (const sentence of sentences) {
    // Only an edge line or a sentence with a "today" word can give a candidate: the others are not read.
    const sentenceText = folded.slice(sentence[0], sentence[1]);
    const hasTodayWord = todayFolded.some((word) => sentenceText.includes(word));
    if (!edge.has(sentence) && !hasTodayWord) continue;
    // Without a "today" word only a dateline counts: it has digits and does not end like prose.
    if (!hasTodayWord && (!/\d/.test(sentenceText) || /[.!?]\s*$/.test(sentenceText))) continue;
    const dates = resolveTimes(times, null, sentence).filter((m) => m.kind === 'time' && m.precision === 'day' && m.stated && !m.attrs.relative);
    for (const time of dates) {
      const before = folded.slice(Math.max(sentence[0], time.span[0] - 24), time.span[0]);
      if (todayFolded.some((word) => before.includes(word))) {
        candidates.push({ value: time.value, how: `"${doc.text.slice(time.span[0], time.span[1])}" introduced as today` });
      }
    }
    if (edge.has(sentence) && dates.length === 1) {
      const time = dates[0]!;
      const rest = (doc.text.slice(sentence[0], time.span[0]) + ' ' + doc.text.slice(time.span[1], sentence[1])).trim();
      const words = rest.split(/\s+/).filter((w) => /\p{L}/u.test(w));
      const endsLikeProse = /[.!?]\s*$/.test(doc.text.slice(sentence[0], sentence[1]));
      if (words.length <= MAX_DATELINE_WORDS && !endsLikeProse) {
        candidates.push({ value: time.value, how: `dateline "${doc.text.slice(sentence[0], sentence[1]).trim()}"` });
      }
    }
  }
  const found = candidates.find((c) => fits(c.value));
  if (!found) return null;
  const how = declared ? `${declared.how}, refined by ${found.how}` : found.how;
  return { value: found.value, precision: 'day', how };
}
