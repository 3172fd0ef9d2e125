import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * The official SARIF 2.1.0 schema (rtm.5, as shipped by Microsoft's @microsoft/jest-sarif) is draft-04,
 * which Ajv 8 does not load. Every keyword it uses means the same in draft-07 except `id` (→ `$id`), and
 * it has no draft-04 boolean exclusiveMinimum/Maximum (asserted in report-sarif.test.ts), so it is
 * validated as draft-07. rtm.5's `run.language` pattern has a stray `]` that is only legal without the
 * `u` flag, hence unicodeRegExp: false.
 */
export const sarifSchemaText = readFileSync(new URL('fixtures/sarif-2.1.0.schema.json', import.meta.url), 'utf8');
export const sarifSchema = JSON.parse(sarifSchemaText) as { $schema: string; id: string; title: string } & Record<string, unknown>;
const { $schema: _draft, id: schemaId, ...schemaBody } = sarifSchema; // draft-04 `$schema` and `id` dropped: Ajv reads it as draft-07
export const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
addFormats(ajv);
export const validateSarif = ajv.compile({ $id: schemaId, ...schemaBody });

/** What is wrong with a SARIF log against the 2.1.0 schema: [] when it is valid. */
export function sarifErrors(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
