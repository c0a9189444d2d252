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
  const bySquare = new Map<string, string | null>();
  const codes: (string | null)[] = [];
  for (let k = 0; k < firms.lon.length; k++) {
    const i = Math.floor((firms.lon[k] as number) / SQUARE_DEG);
    const j = Math.floor((firms.lat[k] as number) / SQUARE_DEG);
    const key = `${i},${j}`;
    let code = bySquare.get(key);
    if (code === undefined) {
      code = decideSido([square(i, j)]).code;
      bySquare.set(key, code);
    }
    codes.push(code);
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
  return filterFirms(firms, (k) => {
    const code = codes[k] ?? null;
    if (wanted !== undefined) return code === wanted;
    return code === null || sidoByCode(code)?.capital !== true;
  });
}
