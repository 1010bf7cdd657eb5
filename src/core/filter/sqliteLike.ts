type Token = { kind: "any" } | { kind: "one" } | { kind: "char"; code: number };

// Patterns repeat (one per filter literal): tokenize each once.
const tokenized = new Map<string, Token[] | undefined>();
const CACHE_LIMIT = 512;

/**
 * SQLite's `subject LIKE pattern ESCAPE '\'`, as PocketBase's `~` runs it: `%` matches any run
 * of characters, `_` one character (a code point, not a UTF-16 unit), `\` makes the next one
 * literal, and only ASCII letters compare case-insensitively (`É` does not match `é`; checked
 * against the server). A pattern ending in a lone `\` matches nothing, as in SQLite's
 * patternCompare.
 *
 * Callers handle the rest of SQLite's behaviour: it reads both operands as C strings (text after
 * a NUL is ignored) and refuses patterns over 50000 bytes.
 * @internal
 */
export function sqliteLike(subject: string, pattern: string): boolean {
  let tokens = tokenized.get(pattern);
  if (tokens === undefined && !tokenized.has(pattern)) {
    if (tokenized.size >= CACHE_LIMIT) tokenized.clear();
    tokens = tokenize(pattern);
    tokenized.set(pattern, tokens);
  }
  if (!tokens) return false;
  const text = Array.from(subject, (ch) => ch.codePointAt(0)!);
  // Greedy matching with one backtrack point per `%`: exact for `%` and `_` wildcards.
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < text.length) {
    const token = tokens[p];
    if (token && (token.kind === "one" || (token.kind === "char" && same(token.code, text[s]!)))) {
      p++;
      s++;
    } else if (token?.kind === "any") {
      starP = p++;
      starS = s;
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else {
      return false;
    }
  }
  while (tokens[p]?.kind === "any") p++;
  return p === tokens.length;
}

function tokenize(pattern: string): Token[] | undefined {
  const tokens: Token[] = [];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === "%") tokens.push({ kind: "any" });
    else if (ch === "_") tokens.push({ kind: "one" });
    else if (ch === "\\") {
      const next = chars[++i];
      if (next === undefined) return undefined;
      tokens.push({ kind: "char", code: next.codePointAt(0)! });
    } else tokens.push({ kind: "char", code: ch.codePointAt(0)! });
  }
  return tokens;
}

function same(a: number, b: number): boolean {
  return a === b || (a < 0x80 && b < 0x80 && lower(a) === lower(b));
}

function lower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}
