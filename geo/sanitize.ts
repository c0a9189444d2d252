/**
 * Text from a file, made safe to echo: a parcel id, a crs name or a rules id may hold terminal
 * escape codes (ESC [2J clears a reviewer's screen), line breaks that forge a report line, or
 * megabytes. Control characters become U+FFFD, so the reader still sees that something was there.
 */

/** C0 and C1 controls (line breaks and tabs too), DEL, and the bidirectional marks of "Trojan Source". */
function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * Characters that change how text around them is shown without showing themselves: the bidi
 * embeddings, overrides, isolates and marks (U+202E turns "P1\u202Egnp.exe" into "P1exe.png" on
 * screen) and the line and paragraph separators U+2028/2029 (a line break in a one-line field).
 */
const INVISIBLE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

/**
 * `text` with every bidi control and U+2028/2029 written as a visible escape, "[U+202E]": what
 * every report (HTML, text, CSV) and the app show in place of the character, so a reviewer sees
 * that a name holds one and where. Plain ASCII, so it survives a CP949 export.
 */
export function showInvisible(text: string): string {
  return text.replace(
    INVISIBLE,
    (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}]`,
  );
}

/** `text` with every control character replaced by U+FFFD. */
export function stripControls(text: string): string {
  let clean = true;
  for (let i = 0; i < text.length && clean; i++) clean = !isControl(text.charCodeAt(i));
  if (clean) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isControl(code) ? "\uFFFD" : text[i];
  }
  return out;
}

/**
 * A short, safe excerpt of input for a message: controls replaced, and past `max` characters
 * cut with "…" and the full length, so a 10 MB value never becomes a 10 MB line.
 */
export function excerpt(value: unknown, max = 80): string {
  const text = typeof value === "string" ? value : String(value);
  if (text.length <= max) return stripControls(text);
  return `${stripControls(text.slice(0, max))}…(${text.length.toLocaleString("en-US")})`;
}

/** Longest message a FilingError keeps: one line on a terminal, a few on a phone. */
export const MAX_MESSAGE_CHARS = 600;

/** A message cut to one safe line of at most MAX_MESSAGE_CHARS characters. */
export function oneLine(message: string): string {
  return excerpt(message, MAX_MESSAGE_CHARS);
}
