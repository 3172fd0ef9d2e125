import type { Lang } from '../model/document.js';
import type { Lexicon, LocaleLexicon } from '../model/lexicon.js';
import type { Mention, Span } from '../model/mention.js';
import { foldName, foldWord } from '../text/fold.js';
import { makeToken, ROMAN_NUMERAL, sentenceTokens, tokenize, type Token } from './tokens.js';
import { getOrMake, pushTo } from '../util/collections.js';
import { SpanIndex } from '../text/spans.js';

interface PlaceName {
  tokens: string[];
  id: string;
  name: string;
  within: string[];
  kind: string;
}

interface TitleEntry {
  tokens: string[];
  role: string;
}

interface NameTables {
  stopwords: Set<string>;
  /** By first word, longest first (a lookup, not a scan of every honorific and title at every word). */
  honorifics: Map<string, Array<{ tokens: string[] }>>;
  titles: Map<string, TitleEntry[]>;
  titleAdjectives: Map<string, string>;
  orgHeads: Set<string>;
  placeCues: Set<string>;
  connectors: Set<string>;
  orgConnectors: Set<string>;
  titleDeterminers: Set<string>;
  places: Map<string, PlaceName[]>;
  aliases: Map<string, string>;
}

const tableCache = new WeakMap<Lexicon, Map<Lang, NameTables>>();

function tablesFor(lexicon: Lexicon, lang: Lang): NameTables {
  let perLang = tableCache.get(lexicon);
  if (!perLang) tableCache.set(lexicon, (perLang = new Map()));
  let tables = perLang.get(lang);
  if (tables) return tables;
  const locale: LocaleLexicon | undefined = lexicon.locales[lang];
  const words = (phrase: string) => tokenize(phrase, [0, phrase.length]).map((t) => foldWord(t.text));
  const byLength = <T extends { tokens: string[] }>(list: T[]) => list.sort((a, b) => b.tokens.length - a.tokens.length);
  const places = new Map<string, PlaceName[]>();
  const comparable = (word: string) => word.replace(/['’]$/, '');
  for (const [id, entry] of Object.entries(lexicon.places)) {
    const english = entry.names[0] ?? id;
    for (const name of entry.names) {
      const tokens = words(name).map(comparable);
      const first = tokens[0];
      if (!first) continue;
      const list = places.get(first) ?? [];
      list.push({ tokens, id, name: english, within: entry.within, kind: entry.kind });
      places.set(first, byLength(list));
    }
  }
  const aliases = new Map<string, string>();
  for (const entry of lexicon.aliases) {
    for (const name of [entry.canonical, ...entry.aliases]) aliases.set(foldName(name), entry.canonical);
  }
  tables = {
    stopwords: new Set((locale?.nameStopwords ?? []).map(foldWord)),
    honorifics: byFirstWord(byLength((locale?.honorifics ?? []).map((h) => ({ tokens: words(h).map((w) => comparable(w).replace(/\.$/, '')) })))),
    titles: byFirstWord(byLength(Object.entries(locale?.titles ?? {}).map(([phrase, role]) => ({ tokens: words(phrase).map(comparable), role })))),
    titleAdjectives: new Map(Object.entries(locale?.titleAdjectives ?? {}).map(([word, role]) => [foldWord(word), role])),
    orgHeads: new Set((locale?.orgHeads ?? []).map(foldWord)),
    placeCues: new Set((locale?.placeCues ?? []).map(foldWord)),
    connectors: new Set((locale?.nameConnectors ?? []).map(foldWord)),
    orgConnectors: new Set((locale?.orgConnectors ?? []).map(foldWord)),
    titleDeterminers: new Set((locale?.titleDeterminers ?? []).map(foldWord)),
    places,
    aliases,
  };
  perLang.set(lang, tables);
  return tables;
}

/** Entries grouped by their first word, each group keeping the input order (longest first). */
function byFirstWord<T extends { tokens: string[] }>(list: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const entry of list) if (entry.tokens[0] !== undefined) pushTo(map, entry.tokens[0], entry);
  return map;
}

/** A token's matching key (folded, without a possessive or a trailing apostrophe or period), computed once per token. */
function folded(token: Token): string {
  return (token.key ??= foldWord(token.text.replace(/['’]s$/, '').replace(/['’.]$/, '')));
}

function matchSequence(tokens: readonly Token[], at: number, sequence: readonly string[]): boolean {
  if (at + sequence.length > tokens.length) return false;
  for (let k = 0; k < sequence.length; k++) if (folded(tokens[at + k]!) !== sequence[k]) return false;
  return true;
}

function matchPlace(tables: NameTables, tokens: readonly Token[], at: number, end: number): PlaceName | null {
  const first = tokens[at];
  if (!first) return null;
  for (const place of tables.places.get(folded(first)) ?? []) {
    if (at + place.tokens.length <= end && matchSequence(tokens, at, place.tokens)) {
      // Short all-caps names (US, UK, LA) must be written in capitals, not as the pronoun "us".
      if (place.tokens.length === 1 && first.text.length <= 3 && first.text !== first.text.toUpperCase()) return null;
      return place;
    }
  }
  return null;
}

function matchTitle(tables: NameTables, tokens: readonly Token[], at: number): { role: string; length: number } | null {
  const first = tokens[at];
  if (!first) return null;
  for (const title of tables.titles.get(folded(first)) ?? []) {
    if (matchSequence(tokens, at, title.tokens)) return { role: title.role, length: title.tokens.length };
  }
  return null;
}

function matchHonorific(tables: NameTables, tokens: readonly Token[], at: number): number {
  const first = tokens[at];
  if (!first) return 0;
  for (const honorific of tables.honorifics.get(folded(first)) ?? []) {
    if (matchSequence(tokens, at, honorific.tokens)) return honorific.tokens.length;
  }
  return 0;
}

/** A token that starts with an upper-case letter (`upper`: \p{Lu}, which are letters). */
function isUpperWord(token: Token | undefined): boolean {
  return !!token && token.upper;
}

export interface NameContext {
  lang: Lang;
  lexicon: Lexicon;
}

/**
 * People, places and organisations in the given sentences. Titles and honorifics are stripped from names
 * and remembered (`attrs.title`, `attrs.honorific`); a title standing alone ("le Souverain", "the King")
 * becomes a person mention resolved to the nearest person introduced with that title.
 */
export function extractNames(text: string, sentences: readonly Span[], ctx: NameContext): Mention[] {
  const tables = tablesFor(ctx.lexicon, ctx.lang);
  const mentions: Mention[] = [];
  const pendingSingles: Array<{ token: Token; sentence: Span }> = [];
  for (const sentence of sentences) {
    const tokens = sentenceTokens(text, sentence);
    let i = 0;
    while (i < tokens.length) {
      const adjectiveRole = tables.titleAdjectives.get(folded(tokens[i]!));
      if (adjectiveRole) {
        mentions.push(titleMention(tokens, i, 1, adjectiveRole));
        i++;
        continue;
      }
      if (!isUpperWord(tokens[i])) {
        const title = lowerCaseTitle(tables, tokens, i);
        if (title) {
          mentions.push(titleMention(tokens, i, title.length, title.role));
          i += title.length;
        } else i++;
        continue;
      }
      const end = runEnd(tables, tokens, i);
      for (const [from, to] of splitRun(tables, tokens, i, end)) classifyRun(tables, tokens, from, to, sentence, mentions, pendingSingles);
      i = end;
    }
  }
  resolveSurnames(tables, mentions, pendingSingles);
  resolveTitles(mentions);
  return mentions.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
}

/**
 * "Ewa Nowak et Jan Kowalski" is two names: a run without an organisation head word is cut at the
 * connectors that only join organisation names ("et", "and", "the").
 */
function splitRun(tables: NameTables, tokens: readonly Token[], start: number, end: number): Array<[number, number]> {
  const hasOrgHead = tokens.slice(start, end).some((t) => tables.orgHeads.has(folded(t)));
  if (hasOrgHead) return [[start, end]];
  const pieces: Array<[number, number]> = [];
  let from = start;
  for (let k = start; k < end; k++) {
    const token = tokens[k]!;
    if (!token.upper && tables.orgConnectors.has(folded(token))) {
      if (k > from) pieces.push([from, k]);
      from = k + 1;
    }
  }
  if (end > from) pieces.push([from, end]);
  return pieces;
}

/** A lower-case title preceded by a determiner ("le souverain", "the king") that names no one after it. */
function lowerCaseTitle(tables: NameTables, tokens: readonly Token[], at: number): { role: string; length: number } | null {
  const previous = tokens[at - 1] ? folded(tokens[at - 1]!) : '';
  if (!tables.titleDeterminers.has(previous)) return null;
  const title = matchTitle(tables, tokens, at);
  if (!title || isUpperWord(tokens[at + title.length])) return null;
  // "le ministre des Affaires étrangères" describes a post, not someone named earlier.
  const next = tokens[at + title.length];
  if (next && tables.connectors.has(folded(next))) return null;
  // "le ministre, Nikolaï Sokolov, a…" introduces the name that follows it.
  if (next?.text === ',' && apposedName(tables, tokens, at + title.length + 1)) return null;
  return title;
}

/**
 * Whether a name set off by commas starts at `at` ("le ministre, Ewa Nowak, a…"): a run of capitalised
 * words closed by a comma, not opening with a title of its own ("the King, Queen Sonja and…" lists two
 * people).
 */
function apposedName(tables: NameTables, tokens: readonly Token[], at: number): boolean {
  if (!isUpperWord(tokens[at]) || matchTitle(tables, tokens, at)) return false;
  return tokens[runEnd(tables, tokens, at)]?.text === ',';
}

/**
 * Where the run of capitalised words that starts at `start` ends: capitalised words, roman numerals after
 * the first ("Harald V"), and the lower-case connectors between two of them ("Ibn al Khattab").
 */
function runEnd(tables: NameTables, tokens: readonly Token[], start: number): number {
  let end = start + 1;
  for (;;) {
    const next = tokens[end];
    if (isUpperWord(next) || (next && ROMAN_NUMERAL.test(next.text))) {
      end++;
      continue;
    }
    let k = end;
    while (tokens[k] && tables.connectors.has(folded(tokens[k]!)) && !tokens[k]!.upper) k++;
    if (k > end && isUpperWord(tokens[k])) {
      end = k + 1;
      continue;
    }
    return end;
  }
}

function titleMention(tokens: readonly Token[], at: number, length: number, role: string): Mention {
  const first = tokens[at]!;
  const last = tokens[at + length - 1]!;
  return {
    kind: 'person',
    span: [first.start, last.end],
    text: tokens.slice(at, at + length).map((t) => t.text).join(' '),
    value: '',
    stated: false,
    attrs: { title: role, titleOnly: true },
  };
}

function classifyRun(
  tables: NameTables,
  tokens: readonly Token[],
  start: number,
  end: number,
  sentence: Span,
  out: Mention[],
  pendingSingles: Array<{ token: Token; sentence: Span }>,
): void {
  let p = start;
  let role: string | undefined;
  let honorific: string | undefined;
  let titleAt: { at: number; length: number; role: string } | undefined;
  // A lower-case title just before the run: "du roi Harald V", "le ministre Kowalski", or set off by
  // commas: "le ministre, Nikolaï Sokolov, a…".
  for (let back = Math.max(0, start - 4); back < start; back++) {
    const title = matchTitle(tables, tokens, back);
    const titleEnd = title ? back + title.length : -1;
    if (titleEnd === start || (titleEnd === start - 1 && tokens[titleEnd]!.text === ',' && apposedName(tables, tokens, start))) role = title!.role;
  }
  while (p < end) {
    const place = matchPlace(tables, tokens, p, end);
    if (place) {
      out.push(placeMention(tokens, p, place));
      p += place.tokens.length;
      // After a place, the rest of the run is a new name ("Lisbonne Jean" is rare; keep going).
      continue;
    }
    const honorificLength = matchHonorific(tables, tokens, p);
    const title = matchTitle(tables, tokens, p);
    if (title && title.length >= honorificLength) {
      role = title.role;
      // "le Ministre des Affaires étrangères" describes a post; only a bare title refers to someone.
      const next = tokens[p + title.length];
      const describesPost = next !== undefined && !next.upper && tables.connectors.has(folded(next));
      if (tokens[p]!.upper && !describesPost) titleAt = { at: p, length: title.length, role: title.role };
      p += title.length;
      continue;
    }
    if (honorificLength > 0) {
      honorific = tokens.slice(p, p + honorificLength).map((t) => t.text).join(' ');
      const honorTitle = matchTitle(tables, tokens, p);
      if (honorTitle) role = honorTitle.role;
      p += honorificLength;
      continue;
    }
    const word = folded(tokens[p]!);
    const adjectiveRole = tables.titleAdjectives.get(word);
    if (adjectiveRole) {
      out.push(titleMention(tokens, p, 1, adjectiveRole));
      p++;
      continue;
    }
    if (tables.connectors.has(word) && !tokens[p]!.upper) {
      p++;
      continue;
    }
    if (tables.stopwords.has(word) && !tables.orgHeads.has(word)) {
      p++;
      continue;
    }
    break;
  }
  if (p >= end) {
    // A capitalised title that names no one after it ("le Souverain", "Two Royal Visits"): resolved later.
    if (titleAt) out.push(titleMention(tokens, titleAt.at, titleAt.length, titleAt.role));
    return;
  }
  const rest = tokens.slice(p, end);
  const restEnd = end;
  const words = rest.map(folded);
  if (words.some((w) => tables.orgHeads.has(w)) || (rest.length === 1 && /^\p{Lu}{2,}$/u.test(rest[0]!.text) && tables.orgHeads.has(words[0]!))) {
    out.push(orgMention(tables, tokens, p, restEnd));
    return;
  }
  // Connectors that only join organisation names end a person's name ("Tara Reid and…").
  let personEnd = p;
  while (personEnd < restEnd && !(tables.orgConnectors.has(folded(tokens[personEnd]!)) && !tokens[personEnd]!.upper)) personEnd++;
  while (personEnd > p && tables.stopwords.has(folded(tokens[personEnd - 1]!))) personEnd--;
  const nameTokens = tokens.slice(p, personEnd);
  if (nameTokens.length === 0) return;
  const content = nameTokens.filter((t) => t.upper);
  if (content.length >= 2 || role !== undefined || honorific !== undefined) {
    out.push(personMention(tables, nameTokens, role, honorific));
    return;
  }
  const single = nameTokens[0]!;
  const cue = tokens[start - 1];
  if (cue && tables.placeCues.has(folded(cue)) && start === p && nameTokens.length === 1 && !/^\p{Lu}{2,}$/u.test(single.text)) {
    out.push({
      kind: 'place',
      span: [single.start, single.end],
      text: single.text,
      value: foldName(single.text).replace(/ /g, '-'),
      stated: true,
      attrs: { name: single.text, within: [], known: false },
    });
    return;
  }
  pendingSingles.push({ token: single, sentence });
}

function placeMention(tokens: readonly Token[], at: number, place: PlaceName): Mention {
  const first = tokens[at]!;
  const last = tokens[at + place.tokens.length - 1]!;
  const end = last.end - (/['’]s$/.test(last.text) ? 2 : 0);
  return {
    kind: 'place',
    span: [first.start, end],
    text: tokens
      .slice(at, at + place.tokens.length)
      .map((t) => t.text)
      .join(' ')
      .replace(/['’]s$/, ''),
    value: place.id,
    stated: true,
    attrs: { name: place.name, within: place.within, placeKind: place.kind, known: true },
  };
}

function orgMention(tables: NameTables, tokens: readonly Token[], start: number, end: number): Mention {
  const slice = tokens.slice(start, end);
  const first = slice[0]!;
  const last = slice[slice.length - 1]!;
  // Places named inside an organisation ("Pologne-Portugal", "France-Monde Arabe") qualify which body it is.
  const parts: Token[] = [];
  for (const token of slice) {
    let offset = token.start;
    for (const piece of token.text.split('-')) {
      parts.push(makeToken(piece, offset));
      offset += piece.length + 1;
    }
  }
  const places: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const place = matchPlace(tables, parts, k, parts.length);
    if (place) {
      places.push(place.id);
      k += place.tokens.length - 1;
    }
  }
  const words = parts.map(folded).filter((w) => !tables.connectors.has(w));
  const head = words.find((w) => tables.orgHeads.has(w)) ?? words[0] ?? '';
  return {
    kind: 'org',
    span: [first.start, last.end],
    text: slice.map((t) => t.text).join(' ').replace(/ - /g, '-'),
    value: slice.map((t) => t.text).join(' '),
    stated: true,
    attrs: { head, words, places: [...new Set(places)].sort() },
  };
}

function personMention(tables: NameTables, nameTokens: Token[], role: string | undefined, honorific: string | undefined): Mention {
  const first = nameTokens[0]!;
  const last = nameTokens[nameTokens.length - 1]!;
  const possessive = /['’]s$/.test(last.text);
  const surface = nameTokens
    .map((t) => t.text)
    .join(' ')
    .replace(/['’]s$/, '');
  const canonical = tables.aliases.get(foldName(surface)) ?? surface;
  const attrs: Mention['attrs'] = { key: foldName(canonical), surname: surnameKey(canonical) };
  if (role) attrs.title = role;
  if (honorific) attrs.honorific = honorific;
  return { kind: 'person', span: [first.start, last.end - (possessive ? 2 : 0)], text: surface, value: canonical, stated: true, attrs };
}

/** The key people are matched on across documents: the folded surname, or "name numeral" for monarchs. */
export function surnameKey(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const last = words[words.length - 1] ?? '';
  if (ROMAN_NUMERAL.test(last) && words.length >= 2) return foldName(words.slice(-2).join(' '));
  return foldName(last);
}

/** Single capitalised words that repeat the surname of a person named in the same document ("Kowalski"). */
function resolveSurnames(tables: NameTables, mentions: Mention[], singles: Array<{ token: Token; sentence: Span }>): void {
  const bySurname = new Map<string, Mention>();
  for (const mention of mentions) {
    if (mention.kind === 'person' && mention.value) bySurname.set(String(mention.attrs.surname), mention);
  }
  for (const { token } of singles) {
    const key = foldName(token.text.replace(/['’]s$/, ''));
    const person = bySurname.get(key);
    const alias = tables.aliases.get(key);
    if (person) {
      mentions.push({
        kind: 'person',
        span: [token.start, token.start + token.text.replace(/['’]s$/, '').length],
        text: token.text.replace(/['’]s$/, ''),
        value: String(person.value),
        stated: true,
        attrs: { key: String(person.attrs.key), surname: key, surnameOnly: true },
      });
    } else if (alias) {
      mentions.push({
        kind: 'person',
        span: [token.start, token.end],
        text: token.text,
        value: alias,
        stated: true,
        attrs: { key: foldName(alias), surname: surnameKey(alias), surnameOnly: true },
      });
    }
  }
}

/** "le Souverain" → the nearest earlier person introduced as king, else the next one in the text. */
function resolveTitles(mentions: Mention[]): void {
  const ordered = [...mentions].sort((a, b) => a.span[0] - b.span[0]);
  // The people named with each title, in order (resolving changes only the title-only mentions).
  const byRole = new Map<unknown, Mention[]>();
  for (const m of ordered) if (m.kind === 'person' && !m.attrs.titleOnly) pushTo(byRole, m.attrs.title, m);
  const indexes = new Map<unknown, SpanIndex<Mention>>();
  for (const mention of ordered) {
    if (mention.kind !== 'person' || !mention.attrs.titleOnly) continue;
    const role = mention.attrs.title;
    const named = byRole.get(role);
    if (!named) continue;
    const { before, after } = getOrMake(indexes, role, () => new SpanIndex(named)).around(mention.span[0]);
    const target = before ?? after;
    if (target) {
      mention.value = target.value;
      mention.attrs = { ...mention.attrs, key: String(target.attrs.key), surname: String(target.attrs.surname), resolvedFrom: target.text };
    }
  }
}
