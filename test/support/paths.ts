/** Where the shared folder (FILING.md, the oracle examples, reference data) sits: beside the repo. */
import { join } from "node:path";

export const SHARED = join(__dirname, "../../../shared");
export const EXAMPLES = join(SHARED, "examples");
