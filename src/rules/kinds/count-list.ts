import type { FindingDraft } from '../../model/finding.js';
import type { Mention } from '../../model/mention.js';
import { fillTemplate, listOf } from '../../compare/values.js';
import type { Rule, RuleMeta } from '../types.js';
import { pushTo } from '../../util/collections.js';
import { SpanIndex } from '../../text/spans.js';

export const COUNT_LIST_MESSAGES = {
  mismatch: '"{{count}}" {{trigger}}, but {{listed}} {{verb}} listed: {{values}}.',
};

/**
 * A count next to an event word ("deux visites", "two visits") must match the years or dates listed with
 * it in the same sentence ("en 2015 et 2017"). Only lists the time grammar marks as one group are counted.
 */
export function countListRule(meta: RuleMeta): Rule {
  const messages = { ...COUNT_LIST_MESSAGES, ...meta.messages };
  return {
    meta: { ...meta, messages },
    checkDocument({ doc, sentences, mentions }) {
      const findings: FindingDraft[] = [];
      const index = new SpanIndex(mentions);
      {
        for (const sentence of sentences) {
          const inside = index.within(sentence);
          const groups = new Map<string, Mention[]>();
          for (const m of inside) {
            if (m.kind === 'time' && m.attrs.group !== undefined) pushTo(groups, String(m.attrs.group), m);
          }
          if (groups.size !== 1) continue;
          const listed = [...groups.values()][0]!;
          for (const trigger of inside.filter((m) => m.kind === 'trigger')) {
            const count = inside.find(
              (m) => m.kind === 'number' && !m.attrs.unit && m.span[1] <= trigger.span[0] && /^\s*(?:\p{L}+\s+)?$/u.test(doc.text.slice(m.span[1], trigger.span[0])),
            );
            if (!count || Number(count.value) === listed.length) continue;
            findings.push({
              ruleId: meta.id,
              severity: meta.severity,
              fact: `number of ${trigger.text} listed`,
              message: fillTemplate(messages.mismatch, {
                count: count.text,
                trigger: trigger.text,
                listed: listed.length,
                verb: listed.length === 1 ? 'is' : 'are',
                values: listOf(listed.map((m) => m.value)),
              }),
              hint: 'Either the count or the list is incomplete.',
              confidence: 0.7,
              sides: [{ doc: doc.id, values: [count.value, ...listed.map((m) => m.value)], modality: 'held', span: [count.span[0], Math.max(...listed.map((m) => m.span[1]))].sort((a, b) => a - b) as [number, number] }],
              messageId: 'mismatch',
            });
          }
        }
      }
      return findings;
    },
  };
}
