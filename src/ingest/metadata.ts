import { z } from 'zod';
import { CrosscheckError } from '../model/errors.js';
import { placedYaml, quickYaml } from '../util/yaml-reader.js';
import type { PublicationDate } from '../model/time.js';

/** A ` date 2019-03-06` or ` date 2018-12` token at the very start of a .txt file (the rest of the line is text). */
const DATE_HEADER = /^[ \t]?date[ \t]+(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=\s|$)[ \t]?/;

export interface Header {
  published: PublicationDate | null;
  bodyStart: number;
}

export function readDateHeader(text: string): Header {
  const match = DATE_HEADER.exec(text);
  if (!match) return { published: null, bodyStart: 0 };
  const [, year, month, day] = match;
  const value = [year, month, day].filter(Boolean).join('-');
  const precision = day ? 'day' : month ? 'month' : 'year';
  return { published: { value, precision, how: `header line ' date ${value}'` }, bodyStart: match[0].length };
}

/** Front matter keys Crosscheck reads; any other key is kept but ignored (static-site generators add many). */
const FrontMatter = z.looseObject({
  title: z.string().optional(),
  date: z.union([z.string(), z.number(), z.date()]).optional(),
  lang: z.string().optional(),
  language: z.string().optional(),
  source: z.string().optional(),
  url: z.string().optional(),
  crosscheck: z.unknown().optional(),
});
export type FrontMatter = z.infer<typeof FrontMatter>;

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function readFrontMatter(text: string, file: string): { data: FrontMatter; bodyStart: number } | null {
  if (!text.startsWith('---')) return null;
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    throw new CrosscheckError('front matter opened with --- is never closed; add a line with --- after it', {
      file,
      line: 1,
      code: 'input',
    });
  }
  const source = match[1] ?? '';
  const quick = quickYaml(source);
  let data = quick?.data;
  if (!quick) {
    // Read again by the reader that says where the YAML breaks.
    const { doc, error } = placedYaml(source);
    if (error) throw new CrosscheckError(`broken front matter: ${error.message}`, { file, line: error.line + 1, column: error.column, code: 'input' });
    data = doc.toJS();
  }
  const parsed = FrontMatter.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CrosscheckError(`front matter \`${issue.path.join('.')}\`: ${issue.message}`, { file, line: 2, code: 'input' });
  }
  return { data: parsed.data, bodyStart: match[0].length };
}

/** "2019-03-06", "2018-12", "2015", a Date, or 2015 → a publication date at its precision. */
export function parseDeclaredDate(value: unknown, how: string): PublicationDate | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { value: value.toISOString().slice(0, 10), precision: 'day', how };
  }
  const text = String(value ?? '').trim();
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$/.exec(text);
  if (!match) return null;
  const [, year, month, day] = match;
  const pad = (part: string) => part.padStart(2, '0');
  if (day && month) return { value: `${year}-${pad(month)}-${pad(day)}`, precision: 'day', how };
  if (month) return { value: `${year}-${pad(month)}`, precision: 'month', how };
  return { value: String(year), precision: 'year', how };
}
