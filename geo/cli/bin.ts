/**
 * The entry of the built `czd` (dist-cli/czd.mjs, `npm run build:cli`): plain JavaScript, so a
 * call starts in Node's own time rather than a TypeScript loader's.
 */
import { main } from "./main";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
