import { lookup } from './lexicon.js';
import { candidate, type TimeParser } from './parser.js';

/** French word orders English never uses: "les années 1990", "la fin des années 80". */

const decade: TimeParser = {
  name: 'decade',
  requires: (f) => [f.words.tables.decadeWords],
  pattern: (f) =>
    `(?:${f.B}(?<part>${f.alt(f.words.parts.keys())})(?:${f.S0}-${f.S0}|${f.S})${f.alt(f.words.tables.partLinks)}${f.S})?` +
    `(?:${f.B}(?<art>${f.alt(f.words.tables.decadeArticles)})${f.S})?${f.B}${f.alt(f.words.tables.decadeWords)}${f.S}` +
    `(?<dec>1\\d\\d0|20\\d0|\\d0)(?![\\p{L}\\p{N}_])`,
  extract(match, scope) {
    const written = match.groups!['dec']!;
    const start = written.length === 4 ? Number(written) : (Number(written) >= 20 ? 1900 : 2000) + Number(written);
    const part = lookup(scope.words.parts, match.groups!['part']);
    return candidate(match, 'decade', part === undefined ? { type: 'decade', start } : { type: 'decade', start, part });
  },
};

export const frenchParsers: readonly TimeParser[] = [decade];
