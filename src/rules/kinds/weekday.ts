import { getISODay } from 'date-fns/getISODay';
import { parseISO } from 'date-fns/parseISO';
import type { FindingDraft } from '../../model/finding.js';
import { fillTemplate } from '../../compare/values.js';
import type { Rule, RuleMeta } from '../types.js';

export const WEEKDAY_MESSAGES = {
  mismatch: '"{{text}}": {{date}} is a {{actual}}, not a {{stated}}.',
};

const NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A weekday written next to a full date ("jeudi 17 octobre 2019") must be that date's weekday. */
export function weekdayRule(meta: RuleMeta): Rule {
  const messages = { ...WEEKDAY_MESSAGES, ...meta.messages };
  return {
    meta: { ...meta, messages },
    checkDocument({ doc, mentions }) {
      const findings: FindingDraft[] = [];
      {
        for (const mention of mentions) {
          const stated = Number(mention.attrs.weekday);
          if (mention.kind !== 'time' || !stated || mention.precision !== 'day' || !mention.stated || !/^\d{4}-\d{2}-\d{2}$/.test(mention.value)) continue;
          const actual = getISODay(parseISO(mention.value));
          if (actual === stated) continue;
          findings.push({
            ruleId: meta.id,
            severity: meta.severity,
            fact: `weekday of ${mention.value}`,
            message: fillTemplate(messages.mismatch, { text: mention.text, date: mention.value, actual: NAMES[actual]!, stated: NAMES[stated]! }),
            hint: 'Either the weekday or the day of the month is wrong.',
            confidence: 0.95,
            sides: [{ doc: doc.id, values: [mention.value, NAMES[stated]!], modality: 'held', span: mention.span }],
            messageId: 'mismatch',
          });
        }
      }
      return findings;
    },
  };
}
