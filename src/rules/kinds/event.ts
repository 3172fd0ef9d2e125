import { alignClaims } from '../../align/facts.js';
import { buildEventClaims, type EventSpec } from '../../claims/events.js';
import { compareEnumerations, compareEventDates, EVENT_MESSAGES } from '../../compare/events.js';
import { englishOrdinal, fillTemplate } from '../../compare/values.js';
import type { Claim } from '../../model/claim.js';
import type { Lexicon } from '../../model/lexicon.js';
import { foldWord } from '../../text/fold.js';
import type { EventRuleFile } from '../schema.js';
import type { CheckResult, Rule, RuleMeta } from '../types.js';

/** An event rule from its YAML: triggers feed extraction, claims are aligned by identity, then compared. */
export function eventRule(file: EventRuleFile, meta: RuleMeta): Rule {
  const spec: EventSpec = {
    ruleId: file.id,
    eventType: file.event.type,
    identity: file.event.identity,
    nameHeads: {
      fr: new Set((file.event.names?.fr ?? []).map(foldWord)),
      en: new Set((file.event.names?.en ?? []).map(foldWord)),
    },
    genericNameWords: new Set(file.event.genericNameWords.map(foldWord)),
  };
  return {
    meta: { ...meta, messages: { ...EVENT_MESSAGES, ...meta.messages } },
    triggers: { ruleId: file.id, eventType: file.event.type, phrases: file.event.triggers },
    extract: (analysis, ctx) => buildEventClaims(analysis, [spec], ctx.lexicon),
    checkReadsDocuments: false,
    check(claims, _analyses, ctx): CheckResult {
      const result: CheckResult = { findings: [], corroborated: [], events: [] };
      for (const fact of alignClaims(claims, spec.identity)) {
        const label = labelFor(file.event.label, file.event.type, fact.claims, ctx.lexicon);
        const options = { ruleId: file.id, severity: meta.severity, fact: label, messages: meta.messages };
        const compared = spec.identity === 'repeatable' ? compareEnumerations(fact, options) : compareEventDates(fact, options);
        result.findings.push(...compared.findings);
        result.corroborated.push(...compared.corroborated);
        if (compared.findings.length + compared.corroborated.length > 0) {
          result.events!.push({ fact: label, docs: [...new Set(fact.claims.map((c) => c.doc))].sort(), why: fact.why });
        }
      }
      return result;
    },
  };
}

/** Fills the rule's label from the claims: the English-language claim's words when there is one. */
function labelFor(template: string, type: string, claims: readonly Claim[], lexicon: Lexicon): string {
  const preferred = [...claims].sort((a, b) => Number(b.lang === 'en') - Number(a.lang === 'en'))[0]!;
  const withSeries = claims.find((c) => c.series && c.lang === preferred.lang) ?? claims.find((c) => c.series);
  const withOrdinal = claims.find((c) => c.ordinal);
  const agent = claims.flatMap((c) => c.agents).find(Boolean);
  const place = claims.flatMap((c) => c.places).find(Boolean);
  const placeName = place ? (lexicon.places[place.canonical]?.names[0] ?? place.text) : 'an unnamed place';
  return fillTemplate(template, {
    type,
    ordinal: withOrdinal?.ordinal ? englishOrdinal(withOrdinal.ordinal.value) : 'an',
    series: withSeries?.series?.text ?? type,
    agent: agent?.canonical ?? 'someone',
    place: placeName,
  })
    .replace(/\s+/g, ' ')
    .trim();
}
