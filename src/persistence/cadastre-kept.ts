/**
 * Where the cadastre's files are kept between visits: their own IndexedDB database (the zone
 * records' store is iterated whole, and this is no record). Small, so the page can ask whether
 * there is anything to restore before loading the code that reads it.
 */
import { createStore, del, get, set } from "idb-keyval";
import type { NamedFile } from "../workers/cadastre-protocol";

const db = createStore("czd-cadastre", "files");
const KEY = "files";

export const keptFiles = (): Promise<NamedFile[] | undefined> =>
  get<NamedFile[]>(KEY, db).catch(() => undefined);
export const keepFiles = (files: NamedFile[]): Promise<void> =>
  set(KEY, files, db).catch(() => undefined);
export const forgetFiles = (): Promise<void> => del(KEY, db).catch(() => undefined);
