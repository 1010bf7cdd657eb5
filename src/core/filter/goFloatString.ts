/**
 * Formats a number as Go's `strconv.FormatFloat(x, 'f', -1, 64)`, which PocketBase's
 * `cast.ToString` applies to a number literal on the right of `~` before building the LIKE
 * pattern (`views ~ 1.50` looks for `%1.5%`, `title ~ -0` for `%-0%`): the shortest digits that
 * round-trip, never in exponent form, `-0` for negative zero.
 * @internal
 */
export function goFloatString(num: number): string {
  const sign = num < 0 || Object.is(num, -0) ? "-" : "";
  if (num === 0) return `${sign}0`;
  const [mantissa, exponentText] = Math.abs(num).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1);
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}
