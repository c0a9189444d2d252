/**
 * Ellipsoidal Transverse Mercator by Krüger's series to sixth order in n, as in Karney (2011),
 * "Transverse Mercator with an accuracy of a few nanometers" (the method of GeographicLib and of
 * PROJ's tmerc). Written here rather than called through proj4 because TM areas are computed on
 * every edit: this runs at ~0.1 µs a point, proj4's general path at ~0.7 µs. Accurate to well
 * under a millimetre within the ±4° of a Korean belt (tests compare it with proj4).
 */
import type { Position } from "geojson";

export interface TmParams {
  /** Semi-major axis, metres. */
  aM: number;
  /** Flattening. */
  f: number;
  lat0Deg: number;
  lon0Deg: number;
  k0: number;
  /** False easting and northing, metres. */
  x0M: number;
  y0M: number;
}

export interface TmProjection {
  /** [lon, lat] degrees → [easting, northing] metres. */
  forward: (p: Position) => Position;
  /** [easting, northing] metres → [lon, lat] degrees. */
  inverse: (p: Position) => Position;
}

const D2R = Math.PI / 180;

// Math.hypot is avoided on purpose: V8 runs it several times slower than the plain sqrt.

/**
 * Σ c[j]·sin(2jξ)·cosh(2jη) and Σ c[j]·cos(2jξ)·sinh(2jη), j = 1..6, by angle addition from
 * sin 2ξ, cos 2ξ, sinh 2η and cosh 2η.
 */
function series(
  c: readonly number[],
  s1: number,
  c1: number,
  sh1: number,
  ch1: number,
): [number, number] {
  let s = s1;
  let co = c1;
  let sh = sh1;
  let ch = ch1;
  let dXi = 0;
  let dEta = 0;
  for (let j = 0; j < c.length; j++) {
    const cj = c[j] as number;
    dXi += cj * s * ch;
    dEta += cj * co * sh;
    const sNext = s * c1 + co * s1;
    co = co * c1 - s * s1;
    s = sNext;
    const shNext = sh * ch1 + ch * sh1;
    ch = ch * ch1 + sh * sh1;
    sh = shNext;
  }
  return [dXi, dEta];
}

/** Build a TM projection; all coefficients are computed once here. */
export function createTm(params: TmParams): TmProjection {
  const { aM, f, k0, x0M, y0M } = params;
  const lon0 = params.lon0Deg * D2R;
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const n = f / (2 - f);
  const n2 = n * n;
  const n3 = n2 * n;
  const n4 = n3 * n;
  const n5 = n4 * n;
  const n6 = n5 * n;
  const rectifyingRadius = (aM / (1 + n)) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
  const scale = k0 * rectifyingRadius;
  const alpha = [
    n / 2 - (2 * n2) / 3 + (5 * n3) / 16 + (41 * n4) / 180 - (127 * n5) / 288 + (7891 * n6) / 37800,
    (13 * n2) / 48 - (3 * n3) / 5 + (557 * n4) / 1440 + (281 * n5) / 630 - (1983433 * n6) / 1935360,
    (61 * n3) / 240 - (103 * n4) / 140 + (15061 * n5) / 26880 + (167603 * n6) / 181440,
    (49561 * n4) / 161280 - (179 * n5) / 168 + (6601661 * n6) / 7257600,
    (34729 * n5) / 80640 - (3418889 * n6) / 1995840,
    (212378941 * n6) / 319334400,
  ];
  const beta = [
    n / 2 - (2 * n2) / 3 + (37 * n3) / 96 - n4 / 360 - (81 * n5) / 512 + (96199 * n6) / 604800,
    n2 / 48 + n3 / 15 - (437 * n4) / 1440 + (46 * n5) / 105 - (1118711 * n6) / 3870720,
    (17 * n3) / 480 - (37 * n4) / 840 - (209 * n5) / 4480 + (5569 * n6) / 90720,
    (4397 * n4) / 161280 - (11 * n5) / 504 - (830251 * n6) / 7257600,
    (4583 * n5) / 161280 - (108847 * n6) / 3991680,
    (20648693 * n6) / 638668800,
  ];

  /**
   * σ = sinh(e·atanh(z)) for |z| ≤ e ≈ 0.082, by Taylor series: z² < 0.0068, so eight terms of
   * atanh and four of sinh reach double precision, at a fraction of the cost of Math.pow or
   * Math.atanh + Math.sinh.
   */
  const sinhEAtanh = (z: number): number => {
    const z2 = z * z;
    let sum = 1 / 17;
    for (let k = 15; k >= 1; k -= 2) sum = 1 / k + z2 * sum;
    const x = e * z * sum;
    const x2 = x * x;
    return x * (1 + (x2 / 6) * (1 + (x2 / 20) * (1 + (x2 / 42) * (1 + x2 / 72))));
  };

  /** tan of the conformal latitude from tan of the geodetic latitude (for the inverse). */
  const conformalTan = (tau: number): number => {
    const sigma = Math.sinh(e * Math.atanh((e * tau) / Math.sqrt(1 + tau * tau)));
    return tau * Math.sqrt(1 + sigma * sigma) - sigma * Math.sqrt(1 + tau * tau);
  };

  /**
   * Metres from the equator and the central meridian, before false origins. Written to need
   * few transcendental calls (the hot path): sin 2ξ′, cosh 2η′ … come from ξ′ and η′'s own
   * tangent and sinh rather than from new sin/exp calls.
   */
  const project = (latRad: number, dLonRad: number): [number, number] => {
    const sinLat = Math.sin(latRad);
    const cosLat = Math.cos(latRad);
    const sigma = sinhEAtanh(e * sinLat);
    const tauP = (sinLat * Math.sqrt(1 + sigma * sigma) - sigma) / cosLat;
    const cosL = Math.cos(dLonRad);
    const r2 = tauP * tauP + cosL * cosL;
    // sinh η′ = v, so η′ = asinh v and sinh 2η′, cosh 2η′ follow without further calls.
    const v = Math.sin(dLonRad) / Math.sqrt(r2);
    const coshEta = Math.sqrt(1 + v * v);
    const xiP = Math.atan2(tauP, cosL);
    const etaP = Math.log(v + coshEta);
    const [dXi, dEta] = series(
      alpha,
      (2 * tauP * cosL) / r2,
      (cosL * cosL - tauP * tauP) / r2,
      2 * v * coshEta,
      1 + 2 * v * v,
    );
    return [scale * (etaP + dEta), scale * (xiP + dXi)];
  };

  const northingAtLat0 = project(params.lat0Deg * D2R, 0)[1];

  const forward = (p: Position): Position => {
    const [x, y] = project((p[1] as number) * D2R, (p[0] as number) * D2R - lon0);
    const out = [x + x0M, y - northingAtLat0 + y0M];
    return p.length > 2 ? [...out, ...p.slice(2)] : out;
  };

  const inverse = (p: Position): Position => {
    const xi = ((p[1] as number) - y0M + northingAtLat0) / scale;
    const eta = ((p[0] as number) - x0M) / scale;
    const e2Eta = Math.exp(2 * eta);
    const [dXi, dEta] = series(
      beta,
      Math.sin(2 * xi),
      Math.cos(2 * xi),
      (e2Eta - 1 / e2Eta) / 2,
      (e2Eta + 1 / e2Eta) / 2,
    );
    const xiP = xi - dXi;
    const etaP = eta - dEta;
    const sinhEta = Math.sinh(etaP);
    const cosXi = Math.cos(xiP);
    const tauPrime = Math.sin(xiP) / Math.sqrt(sinhEta * sinhEta + cosXi * cosXi);
    // Newton's method for tan φ from tan χ (Karney 2011, eqs. 19–21); converges in 2–3 steps.
    let tau = tauPrime;
    for (let i = 0; i < 5; i++) {
      const tauPi = conformalTan(tau);
      const dTau =
        ((tauPrime - tauPi) / Math.sqrt(1 + tauPi * tauPi)) *
        ((1 + (1 - e2) * tau * tau) / ((1 - e2) * Math.sqrt(1 + tau * tau)));
      tau += dTau;
      if (Math.abs(dTau) < 1e-14) break;
    }
    const lon = (lon0 + Math.atan2(sinhEta, cosXi)) / D2R;
    const out = [lon, Math.atan(tau) / D2R];
    return p.length > 2 ? [...out, ...p.slice(2)] : out;
  };

  return { forward, inverse };
}
