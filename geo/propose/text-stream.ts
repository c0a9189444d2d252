/**
 * A file's bytes as text, piece by piece, decoded as decodeText would decode the whole file:
 * UTF-16 by its BOM or zero bytes, UTF-8 with a BOM, else UTF-8 when every byte of the file is
 * valid UTF-8 and CP949 when not. Decided in a stream, the last rule costs a second pass only
 * for a CP949 file (its first Hangul byte ends the UTF-8 attempt) or for one the reader refuses
 * under UTF-8 (the refusal stands only if the rest of the file is valid UTF-8 too).
 */
import { isFilingError } from "../errors";
import type { TextEncodingId } from "../io";
import { decodeCp949 } from "../io/cp949";
import { detectUtf16 } from "../io/text";

/** A file's bytes in pieces of any size; called again to read the file again from its start. */
export type ByteSource = () => Iterable<Uint8Array>;

type Decoding = "utf-8" | "utf-8-strict" | "cp949" | "utf-16le" | "utf-16be";

/** Thrown by the pieces of a strict UTF-8 decoding at the first byte that is not UTF-8. */
class NotUtf8 extends Error {}

/** The first `n` bytes of the source (fewer if it is shorter). */
function headOf(source: ByteSource, n: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let have = 0;
  for (const chunk of source()) {
    parts.push(chunk);
    have += chunk.length;
    if (have >= n) break;
  }
  const head = new Uint8Array(Math.min(have, n));
  let at = 0;
  for (const p of parts) {
    if (at >= head.length) break;
    head.set(p.subarray(0, head.length - at), at);
    at += p.length;
  }
  return head;
}

/** The source's text in `decoding`, piece by piece. */
function* pieces(source: ByteSource, decoding: Decoding): Generator<string> {
  if (decoding === "cp949") {
    // A newline byte is never half of a CP949 pair (trail bytes are 0x41–0xFE), so pieces cut
    // after one decode exactly as the whole file does.
    let carry: Uint8Array = new Uint8Array(0);
    for (const chunk of source()) {
      const bytes = carry.length > 0 ? concat(carry, chunk) : chunk;
      const cut = bytes.lastIndexOf(0x0a) + 1;
      if (cut > 0) yield decodeCp949(bytes.subarray(0, cut));
      carry = bytes.slice(cut);
    }
    if (carry.length > 0) yield decodeCp949(carry);
    return;
  }
  const strict = decoding === "utf-8-strict";
  const decoder = new TextDecoder(strict ? "utf-8" : decoding, { fatal: strict });
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch (e) {
      if (strict) throw new NotUtf8();
      throw e;
    }
  };
  for (const chunk of source()) {
    const text = decode(chunk);
    if (text !== "") yield text;
  }
  const rest = decode();
  if (rest !== "") yield rest;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Whether every byte of the source is valid UTF-8. */
function allUtf8(source: ByteSource): boolean {
  try {
    for (const _ of pieces(source, "utf-8-strict"));
    return true;
  } catch (e) {
    if (e instanceof NotUtf8) return false;
    throw e;
  }
}

/**
 * `read` run over the source's text pieces, decoded as decodeText decodes the whole file (or in
 * `encoding` when given): each call of `text` reads them from the start again. `read` may be run
 * twice: a first time under UTF-8 and, when the file turns out not to be UTF-8, again under CP949.
 */
export function readText<T>(
  source: ByteSource,
  read: (text: () => Iterable<string>) => T,
  encoding?: TextEncodingId,
): T {
  const readAs = (decoding: Decoding) => read(() => pieces(source, decoding));
  if (encoding === "cp949") return readAs("cp949");
  if (encoding === "utf-8") return readAs("utf-8");
  const head = headOf(source, 4096);
  const utf16 = detectUtf16(head);
  if (utf16) return readAs(utf16);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return readAs("utf-8");
  try {
    return readAs("utf-8-strict");
  } catch (e) {
    // Not UTF-8 after all, or refused as UTF-8 while later bytes would make it CP949.
    if (e instanceof NotUtf8 || (isFilingError(e) && !allUtf8(source))) {
      return readAs("cp949");
    }
    throw e;
  }
}
