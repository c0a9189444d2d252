/**
 * A .geojson file imported as its text: esbuild's text loader in the built CLI (scripts in
 * package.json) and a small plugin in vitest.config.ts do it, so the embedded hub layer is parsed
 * from the very text the app fetches.
 */
declare module "*.geojson" {
  const text: string;
  export default text;
}
