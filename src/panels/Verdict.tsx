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
}

/** "검사 결과 적합/부적합", the verdict coloured by its class. */
export function VerdictHeading({ t, verdict, testId }: VerdictHeadingProps) {
  return (
    <h2>
      {t.validation}{" "}
      <span className={`verdict ${verdict}`} data-testid={testId}>
        {verdict === "pass" ? t.verdictPass : t.verdictFail}
      </span>
    </h2>
  );
}
