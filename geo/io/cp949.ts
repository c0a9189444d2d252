/**
 * CP949 (Windows code page 949, 통합형 한글 코드): the encoding of Korean Shapefile attribute tables
 * and Excel CSVs. Browsers decode it as WHATWG "euc-kr", but Node's ICU "euc-kr" knows only the
 * KS X 1001 half and drops the 8,822 extra Hangul syllables (똠, 쀍 …), and no platform encodes
 * it. So the table is built here: KS X 1001 from TextDecoder, the extension by its rule (every
 * syllable missing from KS X 1001, in Unicode order, on the lead/trail grid below), checked
 * against glibc iconv for all 8,822 syllables.
 */

interface Tables {
  /** (lead << 8 | trail) → character */
  decode: Map<number, string>;
  /** character → (lead << 8 | trail) */
  encode: Map<string, number>;
}

let tables: Tables | null = null;

function extensionCodes(): number[] {
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xc6; lead++) {
    const lastTrail = lead < 0xa1 ? 0xfe : 0xa0;
    for (let trail = 0x41; trail <= lastTrail; trail++) {
      const letter = (trail >= 0x41 && trail <= 0x5a) || (trail >= 0x61 && trail <= 0x7a);
      if (letter || trail >= 0x81) codes.push((lead << 8) | trail);
    }
  }
  return codes;
}

function build(): Tables {
  const decode = new Map<number, string>();
  const encode = new Map<string, number>();
  const decoder = new TextDecoder("euc-kr");
  const pair = new Uint8Array(2);
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      if (ch.length !== 1 || ch === "\ufffd") continue;
      const code = (lead << 8) | trail;
      decode.set(code, ch);
      if (!encode.has(ch)) encode.set(ch, code);
    }
  }
  const codes = extensionCodes();
  let next = 0;
  for (let cp = 0xac00; cp <= 0xd7a3; cp++) {
    const ch = String.fromCharCode(cp);
    if (encode.has(ch)) continue;
    const code = codes[next++];
    if (code === undefined) break;
    decode.set(code, ch);
    encode.set(ch, code);
  }
  return { decode, encode };
}

function getTables(): Tables {
  tables ??= build();
  return tables;
}

/** CP949 bytes → text. A byte pair outside the code page becomes U+FFFD. */
export function decodeCp949(bytes: Uint8Array): string {
  const { decode } = getTables();
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      continue;
    }
    const trail = bytes[i + 1];
    const ch = trail === undefined ? undefined : decode.get((b << 8) | trail);
    if (ch === undefined) {
      out += "\ufffd";
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Text → CP949 bytes. A character the code page lacks becomes "?", as Windows writes it. */
export function encodeCp949(text: string): Uint8Array {
  const { encode } = getTables();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = encode.get(ch);
    if (code === undefined) out.push(0x3f);
    else out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}
