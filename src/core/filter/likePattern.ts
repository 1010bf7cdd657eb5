/**
 * The LIKE pattern PocketBase builds (`wrapLikeParams`) from the text of a literal on the right
 * of `~` / `!~`.
 *
 * A value with an unescaped `%` is used as it is: the caller wrote the wildcards, and `_` stays
 * a wildcard too. Otherwise `\`, `%` and `_` are escaped with `\` and the value is wrapped in
 * `%…%` for a "contains" match. The escaper walks the value backwards and, after escaping a
 * character, skips the one before it, so of two special characters in a row only the second is
 * escaped: `a__b` becomes `%a_\_b%` and also matches `ax_b`. The server does that (checked
 * against 0.40.4), so it is reproduced.
 * @internal
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
