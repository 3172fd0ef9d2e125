import { z } from 'zod';
import { Report } from './report.js';

/** The JSON Schema of `discrepancies.json`, generated from the zod schema (the single source of truth). */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://crosscheck.dev/schemas/report.schema.json',
    title: 'Crosscheck discrepancy report',
    ...z.toJSONSchema(Report, { io: 'output' }),
  };
}
