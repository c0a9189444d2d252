/** The zone slice: the project's zones, changed only through these actions (each one undo step). */
import type { StateCreator } from "zustand";
import { isBuiltinId } from "../../geo/index";
import type { AppState, ZoneSlice } from "./types";
import { applyDiff, createZone } from "./zone-diff";
import { freeZoneName, newZoneId } from "./zone-ids";

export const createZoneSlice: StateCreator<AppState, [], [], ZoneSlice> = (set, get) => ({
  zones: [createZone("Z1", { name: "지구 1" })],
  activeZoneId: "Z1",
  customRuleSets: [],
  transact: (diff) => {
    const zoneId = diff.zoneId ?? get().activeZoneId;
    const zones = get().zones;
    const index = zones.findIndex((z) => z.id === zoneId);
    const zone = zones[index];
    if (!zone) return;
    const next = applyDiff(zone, diff);
    if (next === zone) return;
    set({ zones: zones.map((z, i) => (i === index ? next : z)) });
  },
  addZone: (over = {}) => {
    const ids = get().zones.map((z) => z.id);
    const id = over.id && !ids.includes(over.id) ? over.id : newZoneId(ids);
    const name = freeZoneName(
      "지구",
      get().zones.map((z) => z.name),
    );
    const zone = createZone(id, { name, ...over, id });
    set({ zones: [...get().zones, zone], activeZoneId: id });
    return id;
  },
  removeZone: (zoneId) => {
    const zones = get().zones.filter((z) => z.id !== zoneId);
    if (zones.length === 0 || zones.length === get().zones.length) return;
    const activeZoneId = get().activeZoneId === zoneId ? (zones[0]?.id ?? "") : get().activeZoneId;
    set({ zones, activeZoneId });
  },
  setActiveZone: (zoneId) => {
    if (get().zones.some((z) => z.id === zoneId)) set({ activeZoneId: zoneId });
  },
  addRuleSet: (ruleSet) => {
    // The published rules can't be replaced (imports refuse such a file with a message).
    if (isBuiltinId(ruleSet.id)) return;
    const others = get().customRuleSets.filter((r) => r.id !== ruleSet.id);
    set({ customRuleSets: [...others, ruleSet] });
  },
});
