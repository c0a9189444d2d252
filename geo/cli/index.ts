/** The CLI's face: `main(argv)` runs `czd` and returns its exit code (geo/cli/bin.ts is the built entry). */
export { main } from "./main";
