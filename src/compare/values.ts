/**
 * Two values written with the same number of characters that differ in exactly one digit
 * (2011 / 2001, 1918 / 1915): the signature of a typo rather than of a different fact.
 */
export function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      if (!/\d/.test(a[i]!) || !/\d/.test(b[i]!)) return false;
      differences++;
    }
  }
  return differences === 1;
}

export interface Support<T> {
  value: T;
  docs: string[];
}

/**
 * How many sources of a large majority a finding cites (its message gives their number); every
 * dissenting source is cited. A fact of a large archive has thousands of agreeing sources.
 */
export const MAX_MAJORITY_SIDES = 5;

/** The item whose size is larger than every other's; undefined when there is none, or two lead with as much. */
export function strictLeader<T>(items: readonly T[], size: (item: T) => number): T | undefined {
  let leader: T | undefined;
  let tied = false;
  for (const item of items) {
    if (leader === undefined || size(item) > size(leader)) [leader, tied] = [item, false];
    else if (size(item) === size(leader)) tied = true;
  }
  return tied ? undefined : leader;
}

/**
 * With three or more sources, the value most of them give and the outliers; null when no value has a
 * strict majority over each other one.
 */
export function majority<T>(groups: ReadonlyArray<Support<T>>): { majority: Support<T>; outliers: Support<T>[] } | null {
  const total = new Set(groups.flatMap((g) => g.docs)).size;
  if (total < 3) return null;
  const sorted = [...groups].sort((a, b) => b.docs.length - a.docs.length);
  const [first, second] = sorted;
  if (!first || (second && second.docs.length >= first.docs.length)) return null;
  return { majority: first, outliers: sorted.slice(1) };
}

/** Fills `{{name}}` placeholders; an unknown placeholder is an error, so templates cannot ship half-filled. */
export function fillTemplate(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`message placeholder {{${name}}} has no value`);
    return String(value);
  });
}

/** "a, b and c" in English. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 8 → "8th", 1 → "1st". */
export function englishOrdinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
