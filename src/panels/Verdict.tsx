/** What the live panel and the reviewer's report show alike: the verdict heading, the figures. */
import type { Report } from "../../geo/index";
import type { Messages } from "../i18n";

/** A figure with `digits` decimals, or a dash when the report has none. */
export const fixed = (v: number | undefined, digits: number): string =>
  v === undefined ? "–" : v.toFixed(digits);

interface VerdictHeadingProps {
  t: Messages;
  verdict: Report["verdict"];
  testId: string;
  /** The zone has no parcel yet: a neutral state, not a failure. */
  empty?: boolean;
}

/** "검사 결과 적합/부적합", the verdict coloured by its class. */
export function VerdictHeading({ t, verdict, testId, empty }: VerdictHeadingProps) {
  const state = empty ? "empty" : verdict;
  return (
    <h2>
      {t.validation} {/* A live region: 적합 ↔ 부적합 is announced when an edit changes it. */}
      <span
        className={`verdict ${state}`}
        data-testid={testId}
        data-state={state}
        role="status"
        aria-live="polite"
      >
        {empty ? t.verdictEmpty : verdict === "pass" ? t.verdictPass : t.verdictFail}
      </span>
    </h2>
  );
}
