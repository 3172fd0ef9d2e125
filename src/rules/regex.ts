import { foldAccents } from '../text/fold.js';

/**
 * Regular expressions written by users (rule `patterns:`) are compiled once, at load, and must be safe:
 * Crosscheck **rejects** the shapes that make a backtracking engine take exponential time, instead of
 * time-boxing them (a JavaScript RegExp cannot be interrupted). Rejected, with the reason:
 * - a repetition inside a repeated group (`(a+)+`, `(\w+\s?)*`, `(.*,){3}`): star height above one;
 * - alternatives that can start with the same character inside a repetition (`(a|ab)*`, `(\d|\w)+`);
 * - backreferences (`\1`, `\k<name>`), which no static check can bound;
 * - patterns longer than {@link MAX_PATTERN_LENGTH} characters.
 * Polynomial shapes (`.*x.*`) are allowed: patterns run on one sentence at a time, which bounds them.
 */
export const MAX_PATTERN_LENGTH = 300;

export class UnsafeRegexError extends Error {
  /** Offset in the pattern of the construct at fault. */
  readonly index: number;
  constructor(message: string, index: number) {
    super(message);
    this.name = 'UnsafeRegexError';
    this.index = index;
  }
}

/**
 * Compiles a user pattern after checking its syntax and its safety; throws UnsafeRegexError (syntax errors
 * too, with the engine's reason). Accented letters in the pattern are folded like the text it runs on.
 */
export function compileSafeRegex(source: string, flags = 'giu'): RegExp {
  const folded = foldPatternLiterals(source);
  assertSafeRegex(folded);
  return new RegExp(folded, flags.includes('u') ? flags : `${flags}u`);
}

/** Non-ASCII characters are always literals in a pattern: fold them (é → e) to match folded text. */
export function foldPatternLiterals(source: string): string {
  return source.replace(/[^\x00-\x7f]/g, (ch) => foldAccents(ch).toLowerCase().slice(0, 1) || ch);
}

/** Throws UnsafeRegexError when `source` is not a valid `u`-mode pattern or has a catastrophic shape. */
export function assertSafeRegex(source: string): void {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new UnsafeRegexError(`the pattern is longer than ${MAX_PATTERN_LENGTH} characters; split it into several patterns`, MAX_PATTERN_LENGTH);
  }
  try {
    new RegExp(source, 'u');
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    throw new UnsafeRegexError(`invalid regular expression: ${reason}`, 0);
  }
  const tree = new PatternParser(source).parse();
  checkNode(tree, source, undefined);
}

// ---- A small parser for u-mode patterns (the syntax is known to be valid when it runs) ----

/** Inclusive code point ranges. */
type CharSet = ReadonlyArray<readonly [number, number]>;

const UNIVERSE: CharSet = [[0, 0x10ffff]];
const DIGITS: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const SPACES: CharSet = [[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];

interface Alternation {
  type: 'alternation';
  index: number;
  alternatives: Term[][];
}
interface Term {
  atom: Atom;
  min: number;
  max: number;
  index: number;
  /** The quantifier as written, for messages. */
  text: string;
}
type Atom =
  | { type: 'chars'; set: CharSet }
  | { type: 'group'; body: Alternation; zeroWidth: boolean }
  | { type: 'assertion' }
  | { type: 'backreference' };

class PatternParser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Alternation {
    return this.alternation();
  }

  private alternation(): Alternation {
    const index = this.i;
    const alternatives: Term[][] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    return { type: 'alternation', index, alternatives };
  }

  private sequence(): Term[] {
    const terms: Term[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const index = this.i;
      const atom = this.atom();
      const [min, max] = this.quantifier();
      terms.push({ atom, min, max, index, text: this.src.slice(index, this.i) });
    }
    return terms;
  }

  private quantifier(): [number, number] {
    const ch = this.src[this.i];
    let bounds: [number, number] | null = null;
    if (ch === '*') bounds = [0, Infinity];
    else if (ch === '+') bounds = [1, Infinity];
    else if (ch === '?') bounds = [0, 1];
    if (bounds) this.i++;
    else if (ch === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!match) return [1, 1];
      this.i += match[0].length;
      const min = Number(match[1]);
      bounds = [min, match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3])];
    } else return [1, 1];
    if (this.src[this.i] === '?') this.i++; // lazy: same shapes, same risks
    return bounds;
  }

  private atom(): Atom {
    const ch = this.src[this.i]!;
    if (ch === '(') return this.group();
    if (ch === '[') return { type: 'chars', set: this.charClass() };
    if (ch === '^' || ch === '$') {
      this.i++;
      return { type: 'assertion' };
    }
    if (ch === '.') {
      this.i++;
      return { type: 'chars', set: UNIVERSE };
    }
    if (ch === '\\') return this.escape(false) as Atom;
    const cp = this.src.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return { type: 'chars', set: caseless(cp) };
  }

  private group(): Atom {
    this.i++; // (
    let zeroWidth = false;
    if (this.src[this.i] === '?') {
      const rest = this.src.slice(this.i);
      if (rest.startsWith('?:')) this.i += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) (this.i += 2), (zeroWidth = true);
      else if (rest.startsWith('?<=') || rest.startsWith('?<!')) (this.i += 3), (zeroWidth = true);
      else if (rest.startsWith('?<')) this.i = this.src.indexOf('>', this.i) + 1;
    }
    const body = this.alternation();
    this.i++; // )
    return { type: 'group', body, zeroWidth };
  }

  /** An escape outside (atom) or inside (a set) a character class. */
  private escape(inClass: boolean): Atom | CharSet {
    const start = this.i;
    this.i++; // backslash
    const ch = this.src[this.i]!;
    this.i++;
    const set = (s: CharSet): Atom | CharSet => (inClass ? s : { type: 'chars', set: s });
    switch (ch) {
      case 'd':
        return set(DIGITS);
      case 'D':
        return set(complement(DIGITS));
      case 'w':
        return set(WORD);
      case 'W':
        return set(complement(WORD));
      case 's':
        return set(SPACES);
      case 'S':
        return set(complement(SPACES));
      case 'p':
      case 'P':
        this.i = this.src.indexOf('}', this.i) + 1;
        return set(UNIVERSE);
      case 'b':
        return inClass ? [[8, 8]] : { type: 'assertion' };
      case 'B':
        return { type: 'assertion' };
      case 'k':
        this.i = this.src.indexOf('>', this.i) + 1;
        return { type: 'backreference' };
      case 'u': {
        const match = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(this.src.slice(this.i))!;
        this.i += match[0].length;
        return set(caseless(parseInt(match[1] ?? match[2]!, 16)));
      }
      case 'x': {
        const code = parseInt(this.src.slice(this.i, this.i + 2), 16);
        this.i += 2;
        return set(caseless(code));
      }
      case 'c':
        this.i++;
        return set(UNIVERSE);
      default: {
        if (/[1-9]/.test(ch) && !inClass) {
          while (/\d/.test(this.src[this.i] ?? '')) this.i++;
          return { type: 'backreference' };
        }
        const controls: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 };
        const cp = controls[ch] ?? this.src.codePointAt(start + 1)!;
        return set(caseless(cp));
      }
    }
  }

  private charClass(): CharSet {
    this.i++; // [
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const ranges: Array<readonly [number, number]> = [];
    const single = (): CharSet => {
      if (this.src[this.i] === '\\') return this.escape(true) as CharSet;
      const cp = this.src.codePointAt(this.i)!;
      this.i += cp > 0xffff ? 2 : 1;
      return [[cp, cp]];
    };
    while (this.src[this.i] !== ']') {
      const from = single();
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && from.length === 1 && from[0]![0] === from[0]![1]) {
        this.i++;
        const to = single();
        ranges.push([from[0]![0], to[0]![1]]);
      } else ranges.push(...from);
    }
    this.i++; // ]
    const set = normalise(ranges.flatMap(([lo, hi]) => (lo === hi ? caseless(lo) : [[lo, hi] as const])));
    return negated ? complement(set) : set;
  }
}

/** Patterns run case-insensitively: a letter stands for both its cases. */
function caseless(cp: number): CharSet {
  const ch = String.fromCodePoint(cp);
  const points = new Set([cp, ch.toLowerCase().codePointAt(0)!, ch.toUpperCase().codePointAt(0)!]);
  return normalise([...points].map((p) => [p, p] as const));
}

function normalise(ranges: ReadonlyArray<readonly [number, number]>): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(set: CharSet): CharSet {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [lo, hi] of normalise(set)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

function intersects(a: CharSet, b: CharSet): boolean {
  return a.some(([lo, hi]) => b.some(([lo2, hi2]) => lo <= hi2 && lo2 <= hi));
}

// ---- The checks ----

function nullable(terms: readonly Term[]): boolean {
  return terms.every((t) => t.min === 0 || atomNullable(t.atom));
}

function atomNullable(atom: Atom): boolean {
  if (atom.type === 'assertion' || atom.type === 'backreference') return true;
  if (atom.type === 'group') return atom.zeroWidth || atom.body.alternatives.some(nullable);
  return false;
}

/** The characters a sequence can start with. */
function firstChars(terms: readonly Term[]): CharSet {
  const out: Array<readonly [number, number]> = [];
  for (const term of terms) {
    const { atom } = term;
    if (atom.type === 'chars') out.push(...atom.set);
    else if (atom.type === 'group' && !atom.zeroWidth) for (const alt of atom.body.alternatives) out.push(...firstChars(alt));
    else if (atom.type === 'backreference') out.push(...UNIVERSE);
    if (term.min > 0 && !atomNullable(atom)) break;
  }
  return normalise(out);
}

/** The first repetition (max > 1) inside an alternation, at any depth. */
function innerRepetition(body: Alternation): Term | undefined {
  for (const alt of body.alternatives) {
    for (const term of alt) {
      if (term.max > 1) return term;
      if (term.atom.type === 'group') {
        const inner = innerRepetition(term.atom.body);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

/** `repetition`: the repeated term this alternation is inside, if any. */
function checkNode(node: Alternation, src: string, repetition: Term | undefined): void {
  if (repetition && node.alternatives.length > 1) {
    const firsts = node.alternatives.map(firstChars);
    for (let a = 0; a < firsts.length; a++) {
      for (let b = a + 1; b < firsts.length; b++) {
        if (intersects(firsts[a]!, firsts[b]!)) {
          throw new UnsafeRegexError(
            `alternatives that can start with the same character inside the repetition \`${src.slice(repetition.index, endOf(repetition, src))}\` can take exponential time (catastrophic backtracking); make the alternatives start differently or take the repetition out`,
            node.index,
          );
        }
      }
    }
  }
  for (const alt of node.alternatives) {
    for (const term of alt) {
      if (term.atom.type === 'backreference') {
        throw new UnsafeRegexError(`backreferences (${src.slice(term.index, term.index + 2)}…) are not allowed in rule patterns`, term.index);
      }
      if (term.atom.type !== 'group') continue;
      const repeats = term.max > 1;
      if (repeats) {
        const inner = innerRepetition(term.atom.body);
        if (inner) {
          throw new UnsafeRegexError(
            `a repeated group \`${src.slice(term.index, endOf(term, src))}\` contains another repetition \`${src.slice(inner.index, endOf(inner, src))}\`, which can take exponential time (catastrophic backtracking); rewrite it without a quantifier inside a repeated group`,
            term.index,
          );
        }
      }
      checkNode(term.atom.body, src, repetition ?? (repeats ? term : undefined));
    }
  }
}

function endOf(term: Term, src: string): number {
  return Math.min(src.length, term.index + term.text.length);
}
