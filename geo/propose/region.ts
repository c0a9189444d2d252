/**
 * Which firms a proposal counts: those of the 시·도 it is for (`--sido`), else those outside the
 * capital region (수도권), which the programme leaves out. A firm's 시·도 is that of the ~2 km
 * square it lies in (the 시·도 holding most of the square, by the checker's own boundaries), so
 * a million firms cost one look-up per occupied square, not per firm.
 */
import type { Polygon } from "geojson";
import { decideSido, sidoByCode } from "../sido";
import { type Firms, filterFirms } from "./firms";

const SQUARE_DEG = 0.02;

function square(i: number, j: number): Polygon {
  const x0 = i * SQUARE_DEG;
  const y0 = j * SQUARE_DEG;
  const x1 = x0 + SQUARE_DEG;
  const y1 = y0 + SQUARE_DEG;
  return {
    type: "Polygon",
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}

/** Each firm's 시·도 code (null at sea or abroad). */
export function firmSido(firms: Firms): (string | null)[] {
  const bySquare = new Map<number, string | null>();
  const codes: (string | null)[] = new Array(firms.lon.length);
  for (let k = 0; k < firms.lon.length; k++) {
    const i = Math.floor((firms.lon[k] as number) / SQUARE_DEG);
    const j = Math.floor((firms.lat[k] as number) / SQUARE_DEG);
    // Squares are indexed from -9000 to 9000 in each direction: one number is key enough.
    const key = (i + 10_000) * 20_000 + (j + 10_000);
    let code = bySquare.get(key);
    if (code === undefined) {
      code = decideSido([square(i, j)]).code;
      bySquare.set(key, code);
    }
    codes[k] = code;
  }
  return codes;
}

/**
 * The firms a proposal for `sido` counts (all of that 시·도's), or without one those outside the
 * capital region; firms at sea or abroad count when no 시·도 is named (new land, bad boundaries).
 */
export function firmsForRegion(firms: Firms, sido?: string): Firms {
  const codes = firmSido(firms);
  const wanted = sido === undefined ? undefined : sidoByCode(sido)?.code;
  const capital = new Map<string, boolean>();
  const isCapital = (code: string): boolean => {
    let c = capital.get(code);
    if (c === undefined) {
      c = sidoByCode(code)?.capital === true;
      capital.set(code, c);
    }
    return c;
  };
  return filterFirms(firms, (k) => {
    const code = codes[k] ?? null;
    if (wanted !== undefined) return code === wanted;
    return code === null || !isCapital(code);
  });
}
