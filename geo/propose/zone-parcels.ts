/**
 * The parcels of a proposal: grid cells inside the envelope, wholly inside the 시·도 the zone is
 * for and on land (by the checker's own boundaries), at most the cap in all, holding as much
 * weight as the cap allows. The grid is centred on the heaviest firm in the envelope, and made
 * finer (down to an eighth) while a finer grid holds more weight — cells crossing the rim or a
 * border are lost, so a firm near either needs smaller cells to be taken in.
 */
import type { Polygon } from "geojson";
import { geometryAreaM2 } from "../sido/area";
import { sidoShares } from "../sido/sido";
import type { ParcelGeometry } from "../types";
import type { Firms } from "./firms";
import { chooseParcels, type ParcelChoice } from "./parcels";
import { weightInPolygon } from "./polygon";

/** Finer grids tried, as fractions of the default cell side. */
const REFINE = [1, 0.5, 0.25, 0.125];
/** A cell counts as in the 시·도 when this share of it is (the rest is rounding). */
const IN_SIDO_SHARE = 0.99999;

export interface ZoneParcelOptions {
  /** Whether a parcel lies inside the envelope. */
  inside: (g: ParcelGeometry) => boolean;
  bbox: [number, number, number, number];
  capKm2: number;
  /** The 시·도 (ISO code) the parcels must lie in. */
  sido: string;
  maxPieces?: number;
}

/** Whether `g` lies wholly in the 시·도 `code` and on land. */
export function inSido(g: ParcelGeometry, code: string): boolean {
  const areaKm2 = geometryAreaM2(g) / 1e6;
  const share = sidoShares([g]).find((s) => s.code === code)?.km2 ?? 0;
  return share >= IN_SIDO_SHARE * areaKm2;
}

/** A square of about a metre about [lon, lat]: a firm as a tiny parcel, to ask `inside` of it. */
function dot(lon: number, lat: number): Polygon {
  const d = 5e-6;
  return {
    type: "Polygon",
    coordinates: [
      [
        [lon - d, lat - d],
        [lon + d, lat - d],
        [lon + d, lat + d],
        [lon - d, lat + d],
        [lon - d, lat - d],
      ],
    ],
  };
}

/** The heaviest firm inside the envelope and the 시·도, or null. */
function heaviestInside(
  firms: Firms,
  opts: ZoneParcelOptions,
): { at: [number, number]; weight: number } | null {
  const [west, south, east, north] = opts.bbox;
  const ids: number[] = [];
  for (let k = 0; k < firms.lon.length; k++) {
    const lon = firms.lon[k] as number;
    const lat = firms.lat[k] as number;
    if (lon >= west && lon <= east && lat >= south && lat <= north) ids.push(k);
  }
  ids.sort((a, b) => (firms.weight[b] as number) - (firms.weight[a] as number));
  for (const k of ids.slice(0, 50)) {
    const g = dot(firms.lon[k] as number, firms.lat[k] as number);
    if (opts.inside(g) && inSido(g, opts.sido)) {
      const at: [number, number] = [firms.lon[k] as number, firms.lat[k] as number];
      return { at, weight: firms.weight[k] as number };
    }
  }
  return null;
}

function holds(choice: ParcelChoice, at: [number, number]): boolean {
  const one: Firms = {
    lon: Float64Array.of(at[0]),
    lat: Float64Array.of(at[1]),
    weight: Float64Array.of(1),
  };
  return choice.polygons.some((p) => weightInPolygon(one, p).weight > 0);
}

/** The weight of the lightest cell taken (the steps of the coverage curve). */
function lightestCell(choice: ParcelChoice): number {
  let least = Number.POSITIVE_INFINITY;
  for (let k = 1; k < choice.curve.length; k++) {
    const step = (choice.curve[k]?.[1] ?? 0) - (choice.curve[k - 1]?.[1] ?? 0);
    least = Math.min(least, step);
  }
  return least;
}

/** The heaviest choice of parcels over the grids tried (see the module comment). */
export function zoneParcels(firms: Firms, opts: ZoneParcelOptions): ParcelChoice {
  const inside = (g: Polygon) => opts.inside(g) && inSido(g, opts.sido);
  const anchor = heaviestInside(firms, opts);
  const side = Math.sqrt((opts.capKm2 * 1e6) / 60);
  let best: ParcelChoice | undefined;
  for (const f of REFINE) {
    const choice = chooseParcels(firms, {
      inside,
      bbox: opts.bbox,
      capKm2: opts.capKm2,
      cellM: side * f,
      ...(anchor ? { anchor: anchor.at } : {}),
      ...(opts.maxPieces ? { maxPieces: opts.maxPieces } : {}),
    });
    if (best === undefined || choice.weight > best.weight) best = choice;
    // Stop refining once the parcels hold something and the heaviest firm is in them, or it
    // weighs no more than a cell they took (then it lost on weight, not on the grid).
    if (best.polygons.length === 0) continue;
    if (anchor === null || anchor.weight <= lightestCell(best) || holds(best, anchor.at)) break;
  }
  return best as ParcelChoice;
}
