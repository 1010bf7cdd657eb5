/**
 * The LIKE pattern PocketBase builds from the text of a literal on the right of `~` / `!~`
 * (tools/search/filter.go `wrapLikeParams`).
 *
 * A value containing an unescaped `%` is used as it is: the caller wrote the wildcards, and `_`
 * stays a wildcard too. Otherwise PocketBase escapes `\`, `%` and `_` with `\` (the query says
 * `ESCAPE '\'`) and wraps the value in `%…%` for a "contains" match. Its escaper walks the value
 * backwards and, after escaping a character, does not look at the one before it, so of two
 * special characters in a row only the second is escaped: `a__b` becomes `%a_\_b%` and also
 * matches `ax_b`. That is what the server does (checked against 0.40.4), so it is reproduced.
 *
 * @param value - The literal's text (a number already formatted by `goFloatString`).
 * @returns The LIKE pattern, to be matched with `\` as the escape character.
 * @example
 * ```ts
 * likePattern("50%"); // => "50%"
 * likePattern("5_0"); // => "%5\\_0%"
 * ```
 */
export function likePattern(value: string): string {
  const chars = Array.from(value); // Go iterates runes
  if (hasUnescapedPercent(chars)) return value;
  const out: string[] = [];
  let pending = false; // the character just pushed (to the right) needs a `\` before it
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i]!;
    if (pending) {
      if (ch !== "\\") out.push("\\"); // already escaped otherwise
      pending = false;
    } else {
      pending = ch === "\\" || ch === "%" || ch === "_";
    }
    out.push(ch);
    if (i === 0 && pending) out.push("\\");
  }
  return `%${out.reverse().join("")}%`;
}

function hasUnescapedPercent(chars: string[]): boolean {
  let previous = "";
  for (const ch of chars) {
    if (ch === "%" && previous !== "\\") return true;
    // `\\` is an escaped backslash: it escapes nothing after it.
    previous = ch === "\\" && previous === "\\" ? "" : ch;
  }
  return false;
}
