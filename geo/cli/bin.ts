/**
 * The entry of the built `czd` (dist-cli/czd.mjs, `npm run build:cli`): plain JavaScript, so a
 * call starts in Node's own time rather than a TypeScript loader's. The same file is a batch
 * check's worker thread (batch-pool.ts).
 */
import { checkFileEntry } from "./batch";
import { isBatchWorker, serveBatchJobs } from "./batch-pool";
import { main } from "./main";

if (isBatchWorker()) {
  serveBatchJobs(checkFileEntry);
} else {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
