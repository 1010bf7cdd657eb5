import { type MaybeSql, UNKNOWN } from "./types";

/**
 * The text SQLite makes of a value where it needs text: TEXT affinity in a comparison, the
 * operands of LIKE, `||` and `LOWER()`; NULL stays NULL.
 *
 * Integers print in decimal, reals as `printf("%!.15g")` (checked against PocketBase 0.40.4:
 * `5.0`, `0.1`, `1.0e+20`, `1.0e-07`, `123456789012345.0`, `1.0e+15`, and `0.0` for -0): 15
 * significant digits, exponent form below 1e-4 and from 1e15, always a decimal point. A real
 * whose shortest round-trip form needs more than 15 digits would be rounded by that format, and
 * JavaScript cannot round the exact binary value the same way in every case (ties): such reals,
 * numbers of unknown storage and JSON of unknown spelling give `UNKNOWN`.
 * @internal
 */
export function sqliteText(value: MaybeSql): string | null | typeof UNKNOWN {
  if (value === null || typeof value === "string" || value === UNKNOWN) return value;
  if ("opaque" in value) return UNKNOWN;
  if (value.storage === "int") return Number.isInteger(value.num) ? BigInt(value.num).toString() : UNKNOWN;
  if (value.storage === "unknown" || !Number.isFinite(value.num)) return UNKNOWN;
  return realText(value.num);
}

function realText(num: number): string | typeof UNKNOWN {
  if (num === 0) return "0.0";
  // toExponential() without digits gives the shortest digits that round-trip.
  const [mantissa, exponentText] = Math.abs(num).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  if (digits.length > 15) return UNKNOWN;
  const exponent = Number(exponentText);
  const sign = num < 0 ? "-" : "";
  if (exponent < -4 || exponent >= 15) {
    const e = `${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
    return `${sign}${digits[0]}.${digits.slice(1) || "0"}e${e}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  return `${sign}${whole}.${digits.slice(exponent + 1) || "0"}`;
}
