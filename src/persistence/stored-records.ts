/**
 * What the project keeps in IndexedDB seen as a whole, for the recovery page: which keys are the
 * project's, and whether any of them holds something this version can't read (a damaged record,
 * or one a newer version wrote), which autosave would otherwise replace at the first edit.
 */
import { isJournalKey, parseJournal } from "./journal";
import { isTabKey, parsePresence } from "./markers";
import {
  META_KEY,
  PROJECT_KEY,
  parseMetaRecord,
  parseSavedProject,
  parseZoneRecord,
  zoneIdOfKey,
} from "./persist";

/** Whether `key` is one of the project's records (v1 blob, v2 meta, zones, journals, open tabs). */
export function isProjectKey(key: unknown): boolean {
  return (
    key === PROJECT_KEY ||
    key === META_KEY ||
    zoneIdOfKey(key) !== null ||
    isJournalKey(key) ||
    isTabKey(key)
  );
}

/** Whether a project record holds a value this version can't read. */
export function isUnreadableRecord(key: unknown, value: unknown): boolean {
  if (key === PROJECT_KEY) return parseSavedProject(value) === null;
  if (key === META_KEY) return parseMetaRecord(value) === null;
  if (zoneIdOfKey(key) !== null) return parseZoneRecord(value) === null;
  if (isJournalKey(key)) return parseJournal(value) === null;
  if (isTabKey(key)) return parsePresence(value) === null;
  return false;
}
