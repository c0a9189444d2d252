/**
 * The 시·군·구 boundaries for Node (the CLI and tests): imported with the module, unlike the app,
 * which fetches the file when the page has drawn.
 */
import boundaries from "../../public/data/sigungu.json";
import { provideSigungu } from "../sido";

let done = false;

/** Provides the embedded 시·군·구 once. */
export function loadEmbeddedSigungu(): void {
  if (done) return;
  provideSigungu(boundaries);
  done = true;
}
