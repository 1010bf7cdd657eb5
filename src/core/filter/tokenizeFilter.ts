/** One token of a filter, as PocketBase's scanner (fexpr v0.6.0 `Scanner`) produces it. @internal */
export type FilterToken =
  | { type: "whitespace" | "comment" | "function" }
  | { type: "identifier" | "number" | "text" | "sign" | "join" | "group"; literal: string };

const SIGNS = new Set(["=", "!=", "~", "!~", "<", "<=", ">", ">=", "?=", "?!=", "?~", "?!~", "?<", "?<=", "?>", "?>="]);
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"' };

const isWhitespace = (ch: string) => ch === " " || ch === "\t" || ch === "\n"; // not "\r": an error
const isLetter = (ch: string) => (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z");
const isDigit = (ch: string) => ch >= "0" && ch <= "9";
const isSpecialStart = (ch: string) => ch === "@" || ch === "_" || ch === "#";
const isSignRune = (ch: string) => "=?!><~".includes(ch);
const isJoinRune = (ch: string) => ch === "&" || ch === "|";
const isQuote = (ch: string) => ch === "'" || ch === '"';

/**
 * Splits a filter into tokens exactly as PocketBase's fexpr scanner does, or returns `undefined`
 * where PocketBase answers 400.
 *
 * Parentheses become one `group` token holding the raw text between them (quotes kept), which
 * the parser tokenizes again: fexpr does the same, so a `)` or a quote inside a comment within
 * parentheses ends the group or opens a string just as on the server. Function calls (`name(`)
 * come without their arguments: no function is decidable on the client.
 *
 * fexpr reads Go runes (code points). Only space, tab and newline are whitespace (`\r` is an
 * error); identifiers are ASCII; numbers have no exponent; text decodes `\n` `\t` `\r` `\\`
 * `\'` `\"` and keeps any other backslash. NUL is fexpr's end-of-input marker (it would cut the
 * filter short silently), so a filter holding one is refused.
 * @internal
 */
export function tokenizeFilter(source: string): FilterToken[] | undefined {
  if (source.includes("\u0000")) return undefined;
  const chars = Array.from(source);
  let pos = 0;
  const peek = () => chars[pos] ?? "";
  const tokens: FilterToken[] = [];

  while (pos < chars.length) {
    const ch = peek();
    let token: FilterToken | undefined;
    if (isWhitespace(ch)) {
      while (isWhitespace(peek())) pos++;
      token = { type: "whitespace" };
    } else if (ch === "(") token = scanGroup();
    else if (isLetter(ch) || isSpecialStart(ch)) token = scanIdentifier();
    else if (ch === "-" || isDigit(ch)) token = scanNumber();
    else if (isQuote(ch)) {
      const literal = scanText(false);
      token = literal === undefined ? undefined : { type: "text", literal };
    } else if (isSignRune(ch)) token = scanRun(isSignRune, "sign", (op) => SIGNS.has(op));
    else if (isJoinRune(ch)) token = scanRun(isJoinRune, "join", (op) => op === "&&" || op === "||");
    else if (ch === "/") token = scanComment();
    if (!token) return undefined;
    tokens.push(token);
  }
  return tokens;

  function scanIdentifier(): FilterToken | undefined {
    let literal = chars[pos++]!;
    while (pos < chars.length) {
      const ch = peek();
      if (ch === "(") return { type: "function" };
      if (!isLetter(ch) && !isDigit(ch) && ch !== "." && ch !== ":" && ch !== "_") break;
      literal += ch;
      pos++;
    }
    const last = literal.at(-1)!;
    const valid = last !== "." && last !== ":" && !(literal.length === 1 && isSpecialStart(literal));
    return valid ? { type: "identifier", literal } : undefined;
  }

  // "-.5" is valid, "1." and "-" are not.
  function scanNumber(): FilterToken | undefined {
    let literal = "";
    let dot = false;
    while (pos < chars.length) {
      const ch = peek();
      if (!isDigit(ch) && !(ch === "-" && literal === "") && !(ch === "." && !dot)) break;
      if (ch === ".") dot = true;
      literal += ch;
      pos++;
    }
    const invalid = literal === "-" || literal.startsWith(".") || literal.endsWith(".");
    return invalid ? undefined : { type: "number", literal };
  }

  // With `raw`, the text is returned as written, quotes and escapes included (inside groups).
  function scanText(raw: boolean): string | undefined {
    const quote = chars[pos++]!;
    let literal = raw ? quote : "";
    let escaped = false;
    while (pos < chars.length) {
      const ch = chars[pos++]!;
      if (escaped) {
        escaped = false;
        literal += raw ? ch : (ESCAPES[ch] ?? `\\${ch}`);
      } else if (ch === "\\") {
        escaped = true;
        if (raw) literal += ch;
      } else if (ch === quote) {
        return raw ? literal + ch : literal;
      } else {
        literal += ch;
      }
    }
    return undefined; // no closing quote
  }

  function scanRun(accepts: (ch: string) => boolean, type: "sign" | "join", valid: (op: string) => boolean) {
    let literal = "";
    while (pos < chars.length && accepts(peek())) literal += chars[pos++];
    return valid(literal) ? { type, literal } : undefined;
  }

  function scanComment(): FilterToken | undefined {
    if (chars[pos + 1] !== "/") return undefined;
    while (pos < chars.length && chars[pos] !== "\n") pos++;
    if (pos < chars.length) pos++; // the newline ends the comment and belongs to it
    return { type: "comment" };
  }

  function scanGroup(): FilterToken | undefined {
    pos++;
    let depth = 1;
    let literal = "";
    while (pos < chars.length) {
      const ch = peek();
      if (isQuote(ch)) {
        const text = scanText(true);
        if (text === undefined) return undefined;
        literal += text;
        continue;
      }
      pos++;
      if (ch === "(") depth++;
      else if (ch === ")" && --depth === 0) return { type: "group", literal };
      literal += ch;
    }
    return undefined; // missing ")"
  }
}
