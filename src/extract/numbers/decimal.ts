/**
 * Exact decimal arithmetic for the few operations the grammar needs ("1,5 milliard" → 1500000000),
 * on a BigInt mantissa and a power-of-ten scale, so no float rounding ever reaches a value.
 */
export interface Decimal {
  readonly mantissa: bigint;
  /** value = mantissa / 10^scale */
  readonly scale: number;
}

/** `integerDigits` and `fractionDigits` are plain digit strings ("1", "5" for 1.5). */
export function decimalOf(integerDigits: string, fractionDigits = ''): Decimal {
  return { mantissa: BigInt((integerDigits || '0') + fractionDigits), scale: fractionDigits.length };
}

export function decimalFromInteger(value: number): Decimal {
  return { mantissa: BigInt(Math.round(value)), scale: 0 };
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { mantissa: a.mantissa * b.mantissa, scale: a.scale + b.scale };
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const shift = (d: Decimal) => d.mantissa * 10n ** BigInt(scale - d.scale);
  return { mantissa: shift(a) + shift(b), scale };
}

/** Canonical string: no exponent, no trailing fractional zeros, "." as decimal point ("12000", "1.5"). */
export function formatDecimal(value: Decimal): string {
  const negative = value.mantissa < 0n;
  let digits = (negative ? -value.mantissa : value.mantissa).toString();
  if (value.scale > 0) {
    digits = digits.padStart(value.scale + 1, '0');
    const integer = digits.slice(0, digits.length - value.scale);
    const fraction = digits.slice(digits.length - value.scale).replace(/0+$/, '');
    digits = fraction ? `${integer}.${fraction}` : integer;
  }
  return (negative ? '-' : '') + digits;
}
