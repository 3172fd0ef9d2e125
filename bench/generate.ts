/**
 * A synthetic newsroom archive, for the benchmark and for accuracy at scale: N articles in French and
 * English about a fixed world of a few hundred recurring facts (numbered sessions of joint bodies, named
 * agreements, lists of official visits), written in news style with page furniture around them, names
 * transliterated per language, and a known set of injected conflicts recorded in `gold.json`.
 *
 * Deterministic: the same seed and size give the same bytes. The world depends on the seed only; each
 * article on the seed and its index; conflicts are injected after all articles are planned, so that every
 * gold conflict has correct mentions to contradict (a conflict nobody could see is not recorded).
 *
 *   node dist-bench/generate.js --count 1000 [--seed 7] --out /tmp/corpus
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Lang = 'fr' | 'en';

/** One conflict injected on purpose, and what a finding must cite to count as finding it. */
export interface GoldConflict {
  id: string;
  ruleId: string;
  /** The fact in plain words (for people reading the gold file). */
  fact: string;
  /** The documents that carry the wrong value. */
  docs: string[];
  /** The wrong value as the report writes it (a date, a year, a spelling, a count). */
  value: string;
  /** The words that carry it in the culprit's text ("le 3 février 2019", "trois visites"). */
  quote: string;
}

export interface Gold {
  /** GENERATOR_VERSION of the generator that wrote it: a cached corpus from another version is rewritten. */
  version: number;
  seed: number;
  count: number;
  facts: number;
  bytes: number;
  conflicts: GoldConflict[];
}

export interface GeneratedCorpus {
  files: Array<{ name: string; text: string }>;
  gold: Gold;
}

export const DEFAULT_SEED = 20240611;
/** Bumped whenever the generator's output changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 2;

// ---------------------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: small, fast, good enough for text generation, and the same on every platform. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

function mix(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------------------
// The world: real countries and cities (they are in the gazetteer), invented people and bodies

interface Named {
  fr: string;
  en: string;
}

interface Country extends Named {
  city: Named;
}

const COUNTRIES: Country[] = [
  { fr: 'Maroc', en: 'Morocco', city: { fr: 'Rabat', en: 'Rabat' } },
  { fr: 'Norvège', en: 'Norway', city: { fr: 'Oslo', en: 'Oslo' } },
  { fr: 'Suède', en: 'Sweden', city: { fr: 'Stockholm', en: 'Stockholm' } },
  { fr: 'Finlande', en: 'Finland', city: { fr: 'Helsinki', en: 'Helsinki' } },
  { fr: 'Danemark', en: 'Denmark', city: { fr: 'Copenhague', en: 'Copenhagen' } },
  { fr: 'Pologne', en: 'Poland', city: { fr: 'Varsovie', en: 'Warsaw' } },
  { fr: 'Portugal', en: 'Portugal', city: { fr: 'Lisbonne', en: 'Lisbon' } },
  { fr: 'Espagne', en: 'Spain', city: { fr: 'Madrid', en: 'Madrid' } },
  { fr: 'Italie', en: 'Italy', city: { fr: 'Rome', en: 'Rome' } },
  { fr: 'Allemagne', en: 'Germany', city: { fr: 'Berlin', en: 'Berlin' } },
  { fr: 'Autriche', en: 'Austria', city: { fr: 'Vienne', en: 'Vienna' } },
  { fr: 'Grèce', en: 'Greece', city: { fr: 'Athènes', en: 'Athens' } },
  { fr: 'Sénégal', en: 'Senegal', city: { fr: 'Dakar', en: 'Dakar' } },
  { fr: 'Tunisie', en: 'Tunisia', city: { fr: 'Tunis', en: 'Tunis' } },
  { fr: 'Ghana', en: 'Ghana', city: { fr: 'Accra', en: 'Accra' } },
  { fr: 'Kenya', en: 'Kenya', city: { fr: 'Nairobi', en: 'Nairobi' } },
  { fr: 'Japon', en: 'Japan', city: { fr: 'Tokyo', en: 'Tokyo' } },
  { fr: 'Turquie', en: 'Turkey', city: { fr: 'Ankara', en: 'Ankara' } },
  { fr: 'Irlande', en: 'Ireland', city: { fr: 'Dublin', en: 'Dublin' } },
  { fr: 'Qatar', en: 'Qatar', city: { fr: 'Doha', en: 'Doha' } },
  { fr: 'Mali', en: 'Mali', city: { fr: 'Bamako', en: 'Bamako' } },
  { fr: 'Jordanie', en: 'Jordan', city: { fr: 'Amman', en: 'Amman' } },
  { fr: 'Canada', en: 'Canada', city: { fr: 'Ottawa', en: 'Ottawa' } },
];

/** First names as each desk writes them; `frVariant` is the other French spelling a careless desk uses. */
const FIRST_NAMES: Array<{ fr: string; en: string; frVariant?: string }> = [
  { fr: 'Andreï', en: 'Andrey', frVariant: 'Andrei' },
  { fr: 'Sergueï', en: 'Sergey', frVariant: 'Serguei' },
  { fr: 'Dmitri', en: 'Dmitry', frVariant: 'Dmitriy' },
  { fr: 'Mikhaïl', en: 'Mikhail', frVariant: 'Mikhail' },
  { fr: 'Alexeï', en: 'Alexey', frVariant: 'Alexei' },
  { fr: 'Nikolaï', en: 'Nikolay', frVariant: 'Nikolai' },
  { fr: 'Iouri', en: 'Yuri' },
  { fr: 'Piotr', en: 'Pyotr' },
  { fr: 'Mohamed', en: 'Mohammed' },
  { fr: 'Youssef', en: 'Yusuf' },
  { fr: 'Karim', en: 'Karim' },
  { fr: 'Hakim', en: 'Hakim' },
  { fr: 'Ingrid', en: 'Ingrid' },
  { fr: 'Helena', en: 'Helena' },
  { fr: 'Tomasz', en: 'Tomasz' },
  { fr: 'Kenji', en: 'Kenji' },
];

const SURNAMES: Named[] = [
  { fr: 'Volkonski', en: 'Volkonsky' },
  { fr: 'Sokolov', en: 'Sokolov' },
  { fr: 'Tchernov', en: 'Chernov' },
  { fr: 'Belooussov', en: 'Belousov' },
  { fr: 'Orlovski', en: 'Orlovsky' },
  { fr: 'Zaslavski', en: 'Zaslavsky' },
  { fr: 'Koudrine', en: 'Kudrin' },
  { fr: 'Benjelloun', en: 'Benjelloun' },
  { fr: 'El Ouazzani', en: 'El Ouazzani' },
  { fr: 'Haddaoui', en: 'Haddaoui' },
  { fr: 'Lindqvist', en: 'Lindqvist' },
  { fr: 'Kowalczyk', en: 'Kowalczyk' },
  { fr: 'Takahara', en: 'Takahara' },
  { fr: 'Mensah', en: 'Mensah' },
  { fr: 'Varga', en: 'Varga' },
  { fr: 'Castellano', en: 'Castellano' },
];

const PERSON_TITLES: Array<{ fr: string; en: string }> = [
  { fr: 'le ministre', en: 'Minister' },
  { fr: 'le Premier ministre', en: 'Prime Minister' },
  { fr: 'le président', en: 'President' },
  { fr: 'le ministre des Affaires étrangères', en: 'Foreign Minister' },
];

interface Person {
  first: (typeof FIRST_NAMES)[number];
  last: Named;
  title: Named;
}

function personName(person: Person, lang: Lang, variant = false): string {
  const first = lang === 'fr' ? (variant && person.first.frVariant ? person.first.frVariant : person.first.fr) : person.first.en;
  return `${first} ${person.last[lang]}`;
}

/** Bodies that meet in numbered sessions; French grammatical gender decides "la/du". */
const BODY_KINDS = [
  { id: 'commission', fr: 'Commission Mixte', en: 'Joint Commission', feminine: true, session: { fr: 'session', en: 'session' } },
  { id: 'committee', fr: 'Comité Mixte', en: 'Joint Committee', feminine: false, session: { fr: 'session', en: 'session' } },
  { id: 'council', fr: 'Conseil de Coopération', en: 'Cooperation Council', feminine: false, session: { fr: 'session', en: 'session' } },
  { id: 'forum', fr: 'Forum Économique', en: 'Economic Forum', feminine: false, session: { fr: 'édition', en: 'edition' } },
] as const;

const AGREEMENT_KINDS = [
  { id: 'fishing', fr: 'Accord de Pêche', en: 'Fishing Agreement', feminine: false },
  { id: 'trade', fr: 'Accord Commercial', en: 'Trade Agreement', feminine: false },
  { id: 'security', fr: 'Accord de Sécurité', en: 'Security Agreement', feminine: false },
  { id: 'partnership', fr: 'Partenariat Stratégique', en: 'Strategic Partnership', feminine: false },
] as const;

interface Day {
  year: number;
  month: number;
  day: number;
}

interface SessionFact {
  kind: 'session';
  id: string;
  body: { kind: (typeof BODY_KINDS)[number]; a: Country; b: Country };
  ordinal: number;
  date: Day;
  host: Country;
}

interface AgreementFact {
  kind: 'agreement';
  id: string;
  agreement: (typeof AGREEMENT_KINDS)[number];
  a: Country;
  b: Country;
  date: Day;
}

interface VisitFact {
  kind: 'visit';
  id: string;
  person: Person;
  to: Country;
  years: number[];
}

type Fact = SessionFact | AgreementFact | VisitFact;

interface World {
  facts: Fact[];
  people: Person[];
}

const BODIES_PER_KIND = 12;
const AGREEMENTS = 56;
const VISITS = 64;

function buildWorld(seed: number): World {
  const random = new Random(mix(seed, -1));
  const people: Person[] = [];
  const usedNames = new Set<string>();
  while (people.length < 48) {
    const person = { first: random.pick(FIRST_NAMES), last: random.pick(SURNAMES), title: random.pick(PERSON_TITLES) };
    if (usedNames.has(person.last.en)) continue; // one person per surname: surnames are how visits align
    usedNames.add(person.last.en);
    people.push(person);
    if (usedNames.size === SURNAMES.length) break;
  }
  const pairs: Array<[Country, Country]> = [];
  for (let i = 0; i < COUNTRIES.length; i++) for (let j = i + 1; j < COUNTRIES.length; j++) pairs.push([COUNTRIES[i]!, COUNTRIES[j]!]);
  const facts: Fact[] = [];
  for (const kind of BODY_KINDS) {
    for (const [a, b] of random.shuffle([...pairs]).slice(0, BODIES_PER_KIND)) {
      const sessions = random.int(3, 8);
      const first = random.int(1, 6);
      let year = random.int(2008, 2014);
      for (let k = 0; k < sessions; k++) {
        year += random.int(1, 2);
        facts.push({
          kind: 'session',
          id: `session/${kind.id}/${a.en}-${b.en}/${first + k}`,
          body: { kind, a, b },
          ordinal: first + k,
          date: { year: Math.min(year, 2024), month: random.int(1, 12), day: random.int(1, 28) },
          host: random.chance(0.5) ? a : b,
        });
      }
    }
  }
  const agreementPairs = random.shuffle([...pairs]);
  for (let i = 0; i < AGREEMENTS; i++) {
    const [a, b] = agreementPairs[i]!;
    const agreement = AGREEMENT_KINDS[i % AGREEMENT_KINDS.length]!;
    facts.push({ kind: 'agreement', id: `agreement/${agreement.id}/${a.en}-${b.en}`, agreement, a, b, date: { year: random.int(1998, 2022), month: random.int(1, 12), day: random.int(1, 28) } });
  }
  for (let i = 0; i < VISITS; i++) {
    const person = people[i % people.length]!;
    const to = COUNTRIES[(i * 7 + Math.floor(i / people.length)) % COUNTRIES.length]!;
    const count = random.int(2, 3);
    const years = new Set<number>();
    while (years.size < count) years.add(random.int(2004, 2023));
    facts.push({ kind: 'visit', id: `visit/${person.last.en}/${to.city.en}`, person, to, years: [...years].sort((x, y) => x - y) });
  }
  // Two visit facts of one person to one city would be one fact to the tool: keep the first.
  const seen = new Set<string>();
  return { facts: facts.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true))), people };
}

// ---------------------------------------------------------------------------------------------------------
// Writing: dates, ordinals and sentences in each language

const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const WEEKDAYS = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const ORDINAL_WORDS = {
  fr: ['', 'première', 'deuxième', 'troisième', 'quatrième', 'cinquième', 'sixième', 'septième', 'huitième', 'neuvième', 'dixième', 'onzième', 'douzième', 'treizième', 'quatorzième'],
  en: ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth'],
};
const COUNT_WORDS = {
  fr: ['zéro', 'une', 'deux', 'trois', 'quatre', 'cinq'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five'],
};

function iso(day: Day): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

function weekdayOf(day: Day): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

function addDays(day: Day, days: number): Day {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** How a date is written: a full date, optionally with its weekday (right or, injected, wrong), or a month. */
interface DateStyle {
  precision: 'day' | 'month' | 'year';
  weekday?: number;
}

function writeDate(day: Day, lang: Lang, style: DateStyle): string {
  const month = MONTHS[lang][day.month - 1]!;
  if (style.precision === 'year') return lang === 'fr' ? `en ${day.year}` : `in ${day.year}`;
  if (style.precision === 'month') return lang === 'fr' ? `en ${month} ${day.year}` : `in ${month} ${day.year}`;
  const weekday = style.weekday === undefined ? '' : WEEKDAYS[lang][style.weekday]!;
  if (lang === 'fr') {
    const dd = day.day === 1 ? '1er' : String(day.day);
    return `le ${weekday ? weekday + ' ' : ''}${dd} ${month} ${day.year}`;
  }
  return `on ${weekday ? weekday + ', ' : ''}${day.day} ${month} ${day.year}`;
}

function writeOrdinal(n: number, lang: Lang, random: Random): string {
  const word = random.chance(0.4) ? ORDINAL_WORDS[lang][n] : undefined;
  if (word) return word;
  if (lang === 'en') return `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
  if (n === 1) return '1re';
  return random.chance(0.5) ? `${n}e` : `${n}ème`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pairName(a: Country, b: Country, lang: Lang, random: Random): string {
  return random.chance(0.5) ? `${a[lang]}-${b[lang]}` : `${b[lang]}-${a[lang]}`;
}

function bodyName(fact: SessionFact, lang: Lang, random: Random): string {
  const pair = pairName(fact.body.a, fact.body.b, lang, random);
  return lang === 'fr' ? `${fact.body.kind.fr} ${pair}` : `${pair} ${fact.body.kind.en}`;
}

function agreementName(fact: AgreementFact, lang: Lang, random: Random): string {
  const pair = pairName(fact.a, fact.b, lang, random);
  return lang === 'fr' ? `${fact.agreement.fr} ${pair}` : `${pair} ${fact.agreement.en}`;
}

/** What one article says about one fact; `wrong` replaces the true value when the mention is a conflict. */
interface Mention {
  fact: Fact;
  /** Session mentions before the event are announcements. */
  planned: boolean;
  wrong?: WrongValue;
  /** Visits: a count that does not match the years listed (the count-list slip). */
  badCount?: boolean;
  /** A weekday next to the date, possibly the wrong one. */
  weekday?: 'right' | 'wrong';
  precision: 'day' | 'month' | 'year';
  /** Filled when the article is written: the words that carry the value, and (visits) the count. */
  written?: { value: string; count?: string };
}

type WrongValue = { kind: 'date'; date: Day } | { kind: 'years'; years: number[] };

/** A fact's sentence, the words that carry its value, and (visits) the count of events. */
interface WrittenSentence {
  text: string;
  written: string;
  count?: string;
}

function sessionSentence(m: Mention, fact: SessionFact, lang: Lang, random: Random, chair: Person | null): WrittenSentence {
  const date = m.wrong?.kind === 'date' ? m.wrong.date : fact.date;
  const weekday = m.weekday === undefined ? undefined : m.weekday === 'right' ? weekdayOf(date) : (weekdayOf(date) + random.int(1, 6)) % 7;
  const when = writeDate(date, lang, { precision: m.precision, weekday });
  const ordinal = writeOrdinal(fact.ordinal, lang, random);
  const body = bodyName(fact, lang, random);
  const city = fact.host.city[lang];
  const noun = fact.body.kind.session[lang];
  if (lang === 'fr') {
    const of = fact.body.kind.feminine ? 'de la' : 'du';
    const chairText = chair ? `, sous la coprésidence ${chair.title.fr.replace(/^le /, 'du ')} ${personName(chair, 'fr')}` : '';
    if (m.planned) {
      return {
        text: random.pick([
          `La ${ordinal} ${noun} ${of} ${body} se tiendra ${when} à ${city}${chairText}.`,
          `Les deux pays ont annoncé que la ${ordinal} ${noun} ${of} ${body} aura lieu ${when} à ${city}.`,
        ]),
        written: when,
      };
    }
    return {
      text: random.pick([
        `La ${ordinal} ${noun} ${of} ${body} s'est tenue ${when} à ${city}${chairText}.`,
        `Les travaux de la ${ordinal} ${noun} ${of} ${body} se sont déroulés ${when} à ${city}${chairText}.`,
        `${capitalise(city)} a accueilli ${when} la ${ordinal} ${noun} ${of} ${body}.`,
        `Lors de la ${ordinal} ${noun} ${of} ${body}, tenue ${when} à ${city}, les délégations ont fait le point sur les projets en cours.`,
      ]),
      written: when,
    };
  }
  const chairText = chair ? `, chaired by ${chair.title.en} ${personName(chair, 'en')}` : '';
  if (m.planned) {
    return {
      text: random.pick([
        `The ${ordinal} ${noun} of the ${body} will be held ${when} in ${city}${chairText}.`,
        `Officials said the ${ordinal} ${noun} of the ${body} is scheduled ${when} in ${city}.`,
      ]),
      written: when,
    };
  }
  return {
    text: random.pick([
      `The ${ordinal} ${noun} of the ${body} was held ${when} in ${city}${chairText}.`,
      `${city} hosted the ${ordinal} ${noun} of the ${body} ${when}.`,
      `During the ${ordinal} ${noun} of the ${body}, held ${when} in ${city}, delegations reviewed ongoing projects.`,
    ]),
    written: when,
  };
}

function agreementSentence(m: Mention, fact: AgreementFact, lang: Lang, random: Random): WrittenSentence {
  const date = m.wrong?.kind === 'date' ? m.wrong.date : fact.date;
  const when = writeDate(date, lang, { precision: m.precision });
  const name = agreementName(fact, lang, random);
  const city = random.pick([fact.a, fact.b]).city[lang];
  if (lang === 'fr') {
    const the = /^[AÉ]/.test(name) ? "L'" : 'Le ';
    return {
      text: random.pick([
        `${the}${name} a été signé ${when} à ${city}.`,
        `${the}${name}, conclu ${when}, reste le socle de la relation économique entre les deux pays.`,
        `Les deux parties ont rappelé que ${the.toLowerCase()}${name} avait été signé ${when} à ${city}.`,
      ]),
      written: when,
    };
  }
  return {
    text: random.pick([
      `The ${name} was signed ${when} in ${city}.`,
      `The ${name}, concluded ${when}, remains the cornerstone of economic ties between the two countries.`,
      `Both sides recalled that the ${name} had been signed ${when} in ${city}.`,
    ]),
    written: when,
  };
}

function listYears(years: readonly number[], lang: Lang): string {
  const and = lang === 'fr' ? 'et' : 'and';
  return years.length === 1 ? String(years[0]) : `${years.slice(0, -1).join(', ')} ${and} ${years[years.length - 1]}`;
}

function visitSentence(m: Mention, fact: VisitFact, lang: Lang, random: Random, spelling: boolean): WrittenSentence {
  const years = m.wrong?.kind === 'years' ? m.wrong.years : fact.years;
  const count = m.badCount ? years.length + 1 : years.length;
  const countWord = COUNT_WORDS[lang][count] ?? String(count);
  const name = personName(fact.person, lang, spelling);
  const city = fact.to.city[lang];
  const list = listYears(years, lang);
  if (lang === 'fr') {
    const title = fact.person.title.fr;
    return {
      text: random.pick([
        `${capitalise(title)} ${name} a effectué ${countWord} visites officielles à ${city}, en ${list}.`,
        `${capitalise(title)}, ${name}, a effectué ${countWord} visites officielles à ${city}, en ${list}.`,
        `En ${list}, ${title} ${name} a effectué ${countWord} visites à ${city}.`,
        `${name} s'est déjà rendu à ${city} à ${countWord} reprises : ${countWord} visites, en ${list}.`,
      ]),
      written: list,
      count: `${countWord} visites`,
    };
  }
  const title = fact.person.title.en;
  return {
    text: random.pick([
      `${title} ${name} has made ${countWord} official visits to ${city}, in ${list}.`,
      `In ${list}, ${title} ${name} paid ${countWord} visits to ${city}.`,
    ]),
    written: list,
    count: `${countWord} visits`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Page furniture and filler: what real archive pages carry around the facts

const SECTIONS = { fr: ['Diplomatie', 'International', 'Politique', 'Économie', 'Monde'], en: ['World', 'Diplomacy', 'Politics', 'Business', 'International'] };
const OUTLETS = { fr: ['Le Courrier du Matin', "L'Observateur du Nord", 'La Gazette Diplomatique', 'Le Quotidien des Régions'], en: ['The Morning Courier', 'The Northern Observer', 'The Diplomatic Gazette', 'Daily Dispatch'] };
const AUTHORS = ['Claire Dumont', 'Hamid Berrada', 'Sophie Lemaire', 'Jonas Eriksen', 'Fatima Zahra Alaoui', 'Paul Girard', 'Nora Lindberg', 'Rachid Tazi'];

const FILLER = {
  fr: [
    "Les deux délégations ont réaffirmé leur volonté de renforcer la coopération bilatérale dans les domaines de l'énergie, de l'agriculture et de l'éducation.",
    "Les discussions ont également porté sur les questions régionales et internationales d'intérêt commun, dans un contexte marqué par de fortes tensions.",
    'Selon une source proche du dossier, plusieurs projets d’investissement devraient être annoncés dans les prochains mois.',
    'Les échanges commerciaux entre les deux pays ont progressé de 12 % sur un an, pour atteindre 2,4 milliards d’euros.',
    'Les responsables ont salué « une dynamique positive » et appelé à accélérer la mise en œuvre des engagements pris.',
    'Plusieurs chefs d’entreprise accompagnaient la délégation, notamment dans les secteurs des énergies renouvelables et de la logistique portuaire.',
    'Le communiqué final insiste sur la nécessité d’un dialogue politique régulier et d’une concertation renforcée.',
    'Les deux parties ont convenu de créer un groupe de travail chargé du suivi des recommandations.',
    'Une déclaration commune a été adoptée à l’issue des travaux, saluant la qualité des relations entre les deux pays.',
    'Des experts des deux pays se réuniront régulièrement pour évaluer l’avancement des projets communs.',
    'Interrogé par la presse, un diplomate a souligné « la constance d’un dialogue qui ne s’est jamais interrompu, même dans les périodes difficiles ».',
    'Les observateurs relèvent toutefois que plusieurs engagements pris lors des précédentes rencontres attendent encore leur concrétisation.',
    'La question de la sécurité alimentaire et celle de la transition énergétique figuraient en bonne place à l’ordre du jour.',
    'Les représentants du secteur privé ont plaidé pour une simplification des procédures douanières et une meilleure connectivité aérienne.',
    'Les deux capitales entendent également renforcer les échanges universitaires, avec davantage de bourses pour les étudiants et les chercheurs.',
    'Sur le plan culturel, une saison croisée est envisagée, avec des expositions, des concerts et des rencontres littéraires.',
    'Plusieurs conventions sectorielles, notamment dans la santé et la formation professionnelle, sont en cours de finalisation.',
    'Les milieux d’affaires saluent cette dynamique, tout en appelant à des mécanismes de financement plus accessibles pour les petites entreprises.',
  ],
  en: [
    'Both delegations reaffirmed their commitment to deepening bilateral cooperation in energy, agriculture and education.',
    'The talks also covered regional and international issues of common interest, against a backdrop of heightened tension.',
    'According to a source familiar with the matter, several investment projects are expected to be announced in the coming months.',
    'Trade between the two countries grew by 12% year on year, reaching 2.4 billion euros.',
    'Officials welcomed "positive momentum" and called for faster implementation of the commitments made.',
    'Business leaders accompanied the delegation, notably from the renewable energy and port logistics sectors.',
    'The final communiqué stresses the need for regular political dialogue and closer coordination.',
    'The two sides agreed to set up a working group to follow up on the recommendations.',
    'A joint statement was adopted at the close of proceedings, praising the quality of relations between the two countries.',
    'Experts from both countries will meet regularly to assess progress on joint projects.',
    'Speaking to reporters, a diplomat pointed to "a dialogue that has never been interrupted, even in difficult times".',
    'Observers note, however, that several commitments made at earlier meetings have yet to be put into practice.',
    'Food security and the energy transition were high on the agenda.',
    'Private-sector representatives called for simpler customs procedures and better air links.',
    'The two capitals also intend to expand academic exchanges, with more grants for students and researchers.',
    'On the cultural front, a joint season of exhibitions, concerts and literary events is being considered.',
    'Several sector agreements, notably in health and vocational training, are being finalised.',
    'Business circles welcome the momentum but call for financing mechanisms that small firms can actually use.',
  ],
};

const OTHER_HEADLINES = {
  fr: [
    'Football : le club de la capitale s’impose 3-1 et prend la tête du championnat',
    'Météo : un week-end pluvieux attendu sur le littoral',
    'Culture : le festival du film ouvre ses portes avec 48 longs métrages',
    'Économie : la banque centrale maintient son taux directeur à 2,75 %',
    'Tennis : victoire en trois sets pour la tête de série numéro 4',
    'Santé : la campagne de vaccination saisonnière démarre lundi',
  ],
  en: [
    'Football: capital club wins 3-1 to top the league table',
    'Weather: a wet weekend expected along the coast',
    'Culture: film festival opens with 48 feature films',
    'Economy: central bank holds its key rate at 2.75%',
    'Tennis: straight-sets win for the number 4 seed',
    'Health: seasonal vaccination campaign starts on Monday',
  ],
};

const TAGS = { fr: { session: 'Coopération', agreement: 'Accords', visit: 'Visites' }, en: { session: 'Cooperation', agreement: 'Agreements', visit: 'Visits' } };

const FOOTERS = {
  fr: ['Suivez-nous sur Facebook, X et LinkedIn', 'Partager : Facebook Twitter WhatsApp E-mail', 'Abonnez-vous à notre newsletter quotidienne', 'Tous droits réservés. Reproduction interdite sans autorisation.'],
  en: ['Follow us on Facebook, X and LinkedIn', 'Share: Facebook Twitter WhatsApp Email', 'Sign up for our daily newsletter', 'All rights reserved. Do not reproduce without permission.'],
};

function headline(mention: Mention, lang: Lang, random: Random): string {
  const fact = mention.fact;
  if (fact.kind === 'visit') {
    const name = fact.person.last[lang];
    const city = fact.to.city[lang];
    if (lang === 'fr') return random.pick([`${name} de retour à ${city}`, `Diplomatie : ${name} attendu à ${city}`, `${city} et le ministre ${name}, une relation suivie`]);
    return random.pick([`${name} back in ${city}`, `Diplomacy: ${name} expected in ${city}`, `${city} and ${name}: a close relationship`]);
  }
  const [a, b] = fact.kind === 'session' ? [fact.body.a, fact.body.b] : [fact.a, fact.b];
  if (lang === 'fr') return random.pick([`${a.fr} et ${b.fr} veulent approfondir leurs relations`, `Coopération : ${a.fr} et ${b.fr} font le point`, `Diplomatie : nouvelle étape entre ${a.fr} et ${b.fr}`]);
  return random.pick([`${a.en} and ${b.en} seek closer ties`, `Cooperation: ${a.en} and ${b.en} take stock`, `Diplomacy: a new chapter for ${a.en} and ${b.en}`]);
}

function dateline(published: Day, lang: Lang, random: Random): { header: string; byline: string } {
  const author = random.pick(AUTHORS);
  const dd = String(published.day).padStart(2, '0');
  const mm = String(published.month).padStart(2, '0');
  const time = `${random.int(6, 22)}h${String(random.int(0, 59)).padStart(2, '0')}`;
  const style = random.int(0, 2);
  if (style === 0) return { header: ` date ${iso(published)} ${random.pick(SECTIONS[lang])}\n\n`, byline: lang === 'fr' ? `Par ${author}` : `By ${author}` };
  if (lang === 'fr') {
    return style === 1
      ? { header: `${random.pick(SECTIONS.fr)}\n\n`, byline: `Par ${author}\nLe ${dd}/${mm}/${published.year} à ${time}` }
      : { header: `${random.pick(SECTIONS.fr)}\n\n`, byline: `${published.day} ${MONTHS.fr[published.month - 1]} ${published.year} par ${author}` };
  }
  return style === 1
    ? { header: `${random.pick(SECTIONS.en)}\n\n`, byline: `By ${author}\n${MONTHS.en[published.month - 1]} ${published.day}, ${published.year}` }
    : { header: `${random.pick(SECTIONS.en)}\n\n`, byline: `Published ${published.day} ${MONTHS.en[published.month - 1]} ${published.year}, by ${author}` };
}

// ---------------------------------------------------------------------------------------------------------
// Planning: which article mentions which facts, then where conflicts go, then the text

interface ArticlePlan {
  id: string;
  lang: Lang;
  published: Day;
  mentions: Mention[];
  /** A person whose name this French article spells the other way (the spelling slip). */
  misspelled?: Person;
  chair: Person | null;
}

function latestDay(fact: Fact): Day {
  if (fact.kind === 'visit') return { year: fact.years[fact.years.length - 1]!, month: 12, day: 31 };
  return fact.date;
}

function planArticle(world: World, seed: number, index: number): ArticlePlan {
  const random = new Random(mix(seed, index));
  const lang: Lang = random.chance(0.6) ? 'fr' : 'en';
  const primary = random.pick(world.facts);
  const planned = primary.kind === 'session' && random.chance(0.12);
  const published = planned ? addDays(primary.date, -random.int(10, 80)) : addDays(latestDay(primary), random.int(3, 400));
  const mentions: Mention[] = [];
  const used = new Set<string>();
  const add = (fact: Fact, isPlanned: boolean) => {
    used.add(fact.id);
    const precision: Mention['precision'] = fact.kind === 'visit' ? 'year' : random.chance(0.75) ? 'day' : 'month';
    const weekday = fact.kind === 'session' && precision === 'day' && random.chance(0.3) ? 'right' : undefined;
    mentions.push({ fact, planned: isPlanned, precision, weekday });
  };
  add(primary, planned);
  const extra = random.int(1, 3);
  for (let tries = 0; mentions.length <= extra && tries < 12; tries++) {
    const fact = random.pick(world.facts);
    // Only the past is told as past: a secondary fact must be over by the publication date.
    if (used.has(fact.id) || compareDays(latestDay(fact), published) >= 0) continue;
    add(fact, false);
  }
  return { id: `${String(index).padStart(6, '0')}-${lang}`, lang, published, mentions, chair: random.chance(0.5) ? random.pick(world.people) : null };
}

/** Share of facts that get a conflicting mention, and of articles that carry an in-text slip. */
const CONFLICTED_FACTS = 0.12;
const WEEKDAY_SLIPS = 0.004;
const COUNT_SLIPS = 0.003;
const SPELLING_PEOPLE = 6;

/** A conflict decided before the articles are written; its quote is read from the text once it is. */
interface PendingConflict {
  conflict: Omit<GoldConflict, 'id' | 'quote'>;
  quote: () => string;
}

/** Where conflicts go, decided once every article is planned, so that each has correct mentions to meet. */
function injectConflicts(world: World, plans: ArticlePlan[], seed: number): PendingConflict[] {
  const random = new Random(mix(seed, -2));
  const gold: PendingConflict[] = [];
  const written = (mention: Mention) => () => mention.written!.value;
  const mentionsOf = new Map<string, Array<{ plan: ArticlePlan; mention: Mention }>>();
  for (const plan of plans) for (const mention of plan.mentions) {
    const list = mentionsOf.get(mention.fact.id) ?? [];
    list.push({ plan, mention });
    mentionsOf.set(mention.fact.id, list);
  }
  const culprits = new Set<string>();
  const conflicted = random.shuffle([...world.facts]).slice(0, Math.round(world.facts.length * CONFLICTED_FACTS));
  for (const fact of conflicted.sort((a, b) => a.id.localeCompare(b.id))) {
    const all = mentionsOf.get(fact.id) ?? [];
    // A visit list is compared only with other lists; a planned session date only with held ones it contradicts.
    if (all.length < 3) continue;
    const candidate = all.slice(1).find(({ plan }) => !culprits.has(plan.id));
    if (!candidate) continue;
    const { plan, mention } = candidate;
    if (fact.kind === 'visit') {
      const years = [...fact.years];
      const at = random.int(0, years.length - 1);
      let replacement = years[at]! + (random.chance(0.5) ? 1 : -1) * random.int(1, 3);
      while (years.includes(replacement)) replacement++;
      years[at] = replacement;
      years.sort((x, y) => x - y);
      if (compareDays({ year: years[years.length - 1]!, month: 12, day: 31 }, plan.published) >= 0) continue;
      mention.wrong = { kind: 'years', years };
      gold.push({ conflict: { ruleId: 'event/visit', fact: fact.id, docs: [plan.id], value: years.join(', ') }, quote: written(mention) });
    } else {
      // Off by one to three months, or a year typo: at day or month precision, never inside the true month.
      const shifted = random.chance(0.5) ? { ...fact.date, year: fact.date.year + (random.chance(0.5) ? 1 : -1) } : shiftMonths(fact.date, random.pick([-3, -2, -1, 1, 2, 3]));
      if (!mention.planned && compareDays(shifted, plan.published) >= 0) continue;
      if (mention.planned && compareDays(shifted, plan.published) <= 0) continue;
      if (fact.kind === 'agreement' && mention.precision === 'year' && shifted.year === fact.date.year) continue;
      mention.wrong = { kind: 'date', date: shifted };
      const value = mention.precision === 'day' ? iso(shifted) : iso(shifted).slice(0, 7);
      gold.push({ conflict: { ruleId: fact.kind === 'session' ? 'event/session' : 'event/agreement', fact: fact.id, docs: [plan.id], value }, quote: written(mention) });
    }
    culprits.add(plan.id);
  }
  // In-text slips: a weekday that is not the date's, a count that does not match its list.
  for (const plan of plans) {
    const slip = new Random(mix(seed ^ 0x5eed, plans.indexOf(plan)));
    const dated = plan.mentions.find((m) => m.weekday === 'right');
    if (dated && slip.chance(WEEKDAY_SLIPS / 0.2)) {
      dated.weekday = 'wrong';
      const date = dated.wrong?.kind === 'date' ? dated.wrong.date : dated.fact.kind === 'session' ? dated.fact.date : undefined;
      if (date) gold.push({ conflict: { ruleId: 'consistency/weekday-date', fact: `weekday of ${iso(date)}`, docs: [plan.id], value: iso(date) }, quote: written(dated) });
    }
    const visit = plan.mentions.find((m) => m.fact.kind === 'visit' && !m.wrong);
    if (visit && !culprits.has(plan.id) && slip.chance(COUNT_SLIPS / 0.35)) {
      visit.badCount = true;
      const fact = visit.fact as VisitFact;
      gold.push({ conflict: { ruleId: 'consistency/count-list', fact: `count of ${fact.id}`, docs: [plan.id], value: String(fact.years.length + 1) }, quote: () => visit.written!.count! });
    }
  }
  // Spelling: a few people whose name some French articles spell the other way.
  const variants = world.people.filter((p) => p.first.frVariant).slice(0, SPELLING_PEOPLE);
  for (const person of variants) {
    const french = plans.filter((p) => p.lang === 'fr' && p.mentions.some((m) => m.fact.kind === 'visit' && m.fact.person === person && !m.badCount));
    if (french.length < 3) continue;
    const slips = french.filter((_, i) => i % 37 === 1).slice(0, 3);
    for (const plan of slips) plan.misspelled = person;
    const variant = personName(person, 'fr', true);
    gold.push({ conflict: { ruleId: 'consistency/name-spelling', fact: `spelling of ${personName(person, 'fr')}`, docs: slips.map((p) => p.id), value: variant }, quote: () => variant });
  }
  return gold;
}

function shiftMonths(day: Day, months: number): Day {
  const index = day.year * 12 + (day.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: day.day };
}

function renderArticle(plan: ArticlePlan, seed: number, index: number): string {
  const random = new Random(mix(seed ^ 0x7e47, index));
  const { lang } = plan;
  const lines: string[] = [];
  const { header, byline } = dateline(plan.published, lang, random);
  const menu = random.chance(0.25);
  if (menu) {
    for (let k = 0; k < random.int(3, 6); k++) lines.push(`- ${random.int(6, 23)}:${String(random.int(0, 59)).padStart(2, '0')}${random.pick(OTHER_HEADLINES[lang])}`);
    lines.push('');
  }
  lines.push(headline(plan.mentions[0]!, lang, random), '');
  const bylineFirst = random.chance(0.6);
  if (bylineFirst) lines.push(byline, '');
  const fillers = random.shuffle([...FILLER[lang]]);
  plan.mentions.forEach((mention, k) => {
    const fact = mention.fact;
    const chair = k === 0 ? plan.chair : null;
    const sentence: WrittenSentence =
      fact.kind === 'session'
        ? sessionSentence(mention, fact, lang, random, chair)
        : fact.kind === 'agreement'
          ? agreementSentence(mention, fact, lang, random)
          : visitSentence(mention, fact, lang, random, plan.misspelled === fact.person);
    mention.written = { value: sentence.written, count: sentence.count };
    const paragraph = [sentence.text, fillers[(3 * k) % fillers.length]!];
    if (random.chance(0.7)) paragraph.push(fillers[(3 * k + 1) % fillers.length]!);
    lines.push(paragraph.join(' '), '');
    if (random.chance(0.6)) lines.push(`${fillers[(3 * k + 2) % fillers.length]!} ${fillers[(3 * k + 9) % fillers.length]!}`, '');
    if (k === 0 && random.chance(0.4)) lines.push(`${lang === 'fr' ? 'Lire aussi' : 'Read also'} : ${random.pick(OTHER_HEADLINES[lang])}`, '');
  });
  lines.push(fillers.slice(-3).join(' '), '');
  if (!bylineFirst) lines.push(byline, '');
  if (random.chance(0.5)) lines.push(`#${random.pick(SECTIONS[lang])}#${TAGS[lang][plan.mentions[0]!.fact.kind]}`);
  lines.push(random.pick(FOOTERS[lang]), `© ${plan.published.year} ${random.pick(OUTLETS[lang])}`);
  return header + lines.join('\n') + '\n';
}

/** The whole corpus in memory: file names (sorted as written) with their text, and the gold conflicts. */
export function generateCorpus(options: { count: number; seed?: number }): GeneratedCorpus {
  const seed = options.seed ?? DEFAULT_SEED;
  const world = buildWorld(seed);
  const plans = Array.from({ length: options.count }, (_, i) => planArticle(world, seed, i));
  const pending = injectConflicts(world, plans, seed);
  const files = plans.map((plan, i) => ({ name: `${plan.id}.txt`, text: renderArticle(plan, seed, i) }));
  const conflicts = pending.map(({ conflict, quote }, i): GoldConflict => ({ id: `G${i + 1}`, ...conflict, quote: quote() }));
  const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
  return { files, gold: { version: GENERATOR_VERSION, seed, count: options.count, facts: world.facts.length, bytes, conflicts } };
}

/** Writes the corpus (articles under `dir/articles/`, `dir/gold.json`), replacing what was there. */
export function writeCorpus(dir: string, options: { count: number; seed?: number }): Gold {
  const { files, gold } = generateCorpus(options);
  const articles = join(dir, 'articles');
  rmSync(articles, { recursive: true, force: true });
  mkdirSync(articles, { recursive: true });
  for (const file of files) writeFileSync(join(articles, file.name), file.text);
  writeFileSync(join(dir, 'gold.json'), JSON.stringify(gold, null, 2) + '\n');
  return gold;
}

export function countArticles(dir: string): number {
  try {
    return readdirSync(join(dir, 'articles')).length;
  } catch {
    return 0;
  }
}

function main(argv: string[]): void {
  const arg = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const count = Number(arg('count') ?? 1000);
  const seed = Number(arg('seed') ?? DEFAULT_SEED);
  const out = arg('out') ?? `/tmp/crosscheck-bench/${count}`;
  if (!Number.isInteger(count) || count <= 0) throw new Error('--count must be a positive integer');
  const gold = writeCorpus(out, { count, seed });
  process.stdout.write(`wrote ${count} articles (${(gold.bytes / 1e6).toFixed(1)} MB, ${gold.facts} facts, ${gold.conflicts.length} gold conflicts) to ${out}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
