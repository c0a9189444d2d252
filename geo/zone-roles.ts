/**
 * The structure of a zone: a parcel may carry a role, 코어 / 연계 / 협력 (core, link, partner), as
 * zones such as 제주's and 울산's were filed. It is `properties.zoneRole` — not `role`, which
 * marks the envelope feature (FILING.md) — and like every property it is kept in every export.
 */
export const ZONE_ROLES = ["core", "link", "partner"] as const;
export type ZoneRole = (typeof ZONE_ROLES)[number];

/** The role's label, [ko, en]. */
export const ZONE_ROLE_LABELS: Record<ZoneRole, readonly [ko: string, en: string]> = {
  core: ["코어", "core"],
  link: ["연계", "link"],
  partner: ["협력", "partner"],
};

/**
 * What a role is read from: a parcel's id and properties (geo/types.ts's Parcel has both; taken
 * by shape, so types.ts, which names ZoneRole, and this file don't import each other).
 */
interface RoledParcel {
  id: string;
  properties: Record<string, unknown>;
}

/**
 * The parcel's role: `properties.zoneRole` as one of ZONE_ROLES (case and spaces ignored), or the
 * Korean label itself ("코어"); anything else is no role.
 */
export function zoneRoleOf(parcel: Pick<RoledParcel, "properties">): ZoneRole | null {
  const v = parcel.properties.zoneRole;
  if (typeof v !== "string") return null;
  const key = v.trim().toLowerCase();
  for (const role of ZONE_ROLES) {
    if (key === role || key === ZONE_ROLE_LABELS[role][0]) return role;
  }
  return null;
}

/** Area by role: one entry a role the zone uses, then `none` for parcels without one. */
export interface RoleArea {
  role: ZoneRole | "none";
  km2: number;
  parcels: string[];
}

/**
 * The parcels' areas summed by role (km², rounded to 1 m² as the report's figures are), in
 * ZONE_ROLES order; undefined when no parcel has a role, so a report without roles is unchanged.
 */
export function roleAreas(
  parcels: readonly RoledParcel[],
  km2: readonly number[],
): RoleArea[] | undefined {
  const roles = parcels.map(zoneRoleOf);
  if (roles.every((r) => r === null)) return undefined;
  const out: RoleArea[] = [];
  for (const role of [...ZONE_ROLES, "none"] as const) {
    const idx = roles.flatMap((r, i) => ((r ?? "none") === role ? [i] : []));
    if (idx.length === 0) continue;
    const sum = idx.reduce((s, i) => s + (km2[i] ?? 0), 0);
    out.push({
      role,
      km2: Math.round(sum * 1e6) / 1e6,
      parcels: idx.map((i) => (parcels[i] as RoledParcel).id),
    });
  }
  return out;
}
