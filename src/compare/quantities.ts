import type { ClaimValue } from '../model/claim.js';

/** How two values of one fact relate: the same, close enough to be rounding (soft), or in conflict. */
export type Relation = 'same' | 'soft' | 'conflict';

/** Relative gap under which two exact numbers may be a rounding of one another ("$180 million" / "$184 million"). */
const ROUNDING = 0.05;
/** "about 900": a hedge covers this relative distance. */
const ABOUT = 0.15;
/** Conversions between units are compared with this tolerance (550 pounds ≈ 250 kg). */
const CONVERSION = 0.03;

/**
 * Compares two values of the same kind. Numbers honour hedges ("at least 50" is compatible with 70,
 * "about 900" with 850); different currencies conflict even for the same amount; places are compatible
 * when one contains the other; dates when the stated parts agree.
 */
export function relate(type: string, a: ClaimValue, b: ClaimValue): Relation {
  switch (type) {
    case 'count':
    case 'quantity':
      return relateNumbers(a, b);
    case 'duration':
      return a.number !== undefined && b.number !== undefined && Math.abs(a.number - b.number) <= 0.02 * Math.max(a.number, b.number) ? 'same' : 'conflict';
    case 'date':
      return relateDates(a.value, b.value);
    case 'age':
      return relateSets(a.value, b.value);
    case 'place': {
      if (a.value === b.value) return 'same';
      const withinA = (a.unit ?? '').split(' ');
      const withinB = (b.unit ?? '').split(' ');
      return withinA.includes(b.value) || withinB.includes(a.value) ? 'same' : 'conflict';
    }
    default:
      return a.value === b.value ? 'same' : 'conflict';
  }
}

function relateNumbers(a: ClaimValue, b: ClaimValue): Relation {
  const x = a.number;
  const y = b.number;
  if (x === undefined || y === undefined) return a.value === b.value ? 'same' : 'conflict';
  const money = (v: ClaimValue) => (v.unit && !/^(kg|g|t|lb|m|km|cm|mi|ft|%)$/.test(v.unit) ? v.unit : undefined);
  if (money(a) !== money(b)) return 'conflict';
  if (within(a, y) || within(b, x)) return 'same';
  const converted = a.unit !== b.unit && !money(a);
  const gap = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
  if (converted && gap <= CONVERSION) return 'same';
  return gap <= ROUNDING ? 'soft' : 'conflict';
}

/** Whether `other` is compatible with the hedge of `value` ("at least 50" admits 70). */
function within(value: ClaimValue, other: number): boolean {
  const x = value.number!;
  switch (value.qualifier) {
    case 'at-least':
      return other >= x;
    case 'more-than':
      return other > x;
    case 'at-most':
      return other <= x;
    case 'less-than':
      return other < x;
    case 'about':
      return Math.abs(other - x) <= ABOUT * Math.abs(x);
    default:
      return other === x;
  }
}

/**
 * Two lists of ages ("17, 18, 20"): one sentence may name fewer of the people than another, so a list
 * inside the other agrees; a value in neither is a conflict.
 */
function relateSets(a: string, b: string): Relation {
  const x = listMembers(a);
  const y = new Set(listMembers(b));
  if (x.every((v) => y.has(v))) return 'same';
  const xs = new Set(x);
  return [...y].every((v) => xs.has(v)) ? 'same' : 'conflict';
}

/** The members of a list value ("17, 18, 20", as value claims write the ages of a sentence). */
export function listMembers(value: string): string[] {
  return value.split(', ');
}

/** "2009-02-22", "2009-02", "--02-22" (day and month without a stated year). */
function relateDates(a: string, b: string): Relation {
  const parse = (v: string) => {
    const m = /^(\d{4}|-)-(\d{2})(?:-(\d{2}))?$/.exec(v);
    return m ? { year: m[1] === '-' ? undefined : m[1], month: m[2], day: m[3] } : null;
  };
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return a === b ? 'same' : 'conflict';
  if (x.year && y.year && x.year !== y.year) return 'conflict';
  if (x.month !== y.month) return 'conflict';
  if (x.day && y.day && x.day !== y.day) return 'conflict';
  return 'same';
}
