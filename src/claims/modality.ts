import type { Modality } from '../model/claim.js';
import type { LocaleLexicon } from '../model/lexicon.js';
import type { Span } from '../model/mention.js';
import { phrasePattern, type PhrasePattern } from '../text/fold.js';

type CueKind = 'negated' | 'planned' | 'hedged' | 'held' | 'current';

const cache = new WeakMap<LocaleLexicon, Record<CueKind, PhrasePattern | null>>();

function patterns(locale: LocaleLexicon): Record<CueKind, PhrasePattern | null> {
  let cues = cache.get(locale);
  if (!cues) {
    const { negated, planned, hedged, held, current } = locale.modality;
    cues = {
      negated: phrasePattern(negated),
      planned: phrasePattern(planned),
      hedged: phrasePattern(hedged),
      held: phrasePattern(held),
      current: phrasePattern(current),
    };
    cache.set(locale, cues);
  }
  return cues;
}

export interface ModalityReading {
  modality: Modality;
  /** A present-tense cue ("se tient", "copréside", "is holding"): the event is happening at publication time. */
  current: boolean;
  cue?: string;
}

/**
 * Whether a clause reports something that happened, that is planned, hedged or denied, read from cue
 * phrases of the lexicon (`foldedText` is the `foldAligned` document). Negation wins over a plan, a plan
 * over a hedge; with no cue, held.
 */
export function readModality(foldedText: string, clause: Span, locale: LocaleLexicon): ModalityReading {
  const text = foldedText.slice(clause[0], clause[1]);
  const cues = patterns(locale);
  for (const modality of ['negated', 'planned', 'hedged'] as const) {
    const match = cues[modality]?.exec(text);
    if (match) return { modality, current: false, cue: match[0] };
  }
  const current = cues.current?.exec(text);
  if (current) return { modality: 'held', current: true, cue: current[0] };
  const held = cues.held?.exec(text);
  return { modality: 'held', current: false, cue: held?.[0] };
}
