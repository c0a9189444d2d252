/**
 * Times as a Korean reviewer reads them: Korea Standard Time (Asia/Seoul, UTC+9, no daylight
 * saving since 1988), to the minute, "2026-12-06 20:41 KST". Computed by adding nine hours rather
 * than with Intl, so the printed report is the same on every machine and in every locale.
 */

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** An ISO 8601 instant (or a Date) in KST; the input unchanged when it is not a valid time. */
export function formatKst(when: string | Date): string {
  const ms = typeof when === "string" ? Date.parse(when) : when.getTime();
  if (!Number.isFinite(ms)) return String(when);
  const k = new Date(ms + KST_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${k.getUTCFullYear()}-${two(k.getUTCMonth() + 1)}-${two(k.getUTCDate())}`;
  return `${date} ${two(k.getUTCHours())}:${two(k.getUTCMinutes())} KST`;
}
