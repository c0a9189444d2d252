/** Every source and layer id the map uses, in one place. */
export const SOURCES = {
  sido: "czd-sido",
  osm: "czd-osm",
  vworld: "czd-vworld",
  parcels: "czd-parcels",
  envelope: "czd-envelope",
  hubs: "czd-hubs",
} as const;

export const LAYERS = {
  background: "czd-background",
  sidoFill: "czd-sido-fill",
  sidoLine: "czd-sido-line",
  osm: "czd-osm",
  vworld: "czd-vworld",
  envelopeFill: "czd-envelope-fill",
  envelopeLine: "czd-envelope-line",
  envelopeCentre: "czd-envelope-centre",
  parcelFill: "czd-parcel-fill",
  parcelLine: "czd-parcel-line",
  hubArea: "czd-hub-area",
  hubPoint: "czd-hub-point",
} as const;

/** The basemap colours; the browser test looks for them in a screenshot. */
export const COLOURS = {
  sea: "#bcd7e8",
  land: "#f3efe2",
  border: "#8c7f66",
  parcel: "#d9480f",
  highlight: "#1971c2",
  envelope: "#5f3dc4",
} as const;

/** One colour per hub type; other types the decree names are grey. */
export const HUB_COLOURS: Record<string, string> = {
  innovation_city: "#e03131",
  industrial_complex: "#f08c00",
  free_economic_zone: "#2f9e44",
  technopark: "#1c7ed6",
  enterprise_city: "#9c36b5",
  rnd_special_zone: "#0c8599",
};
export const OTHER_HUB_COLOUR = "#868e96";
