/**
 * `czd`: arguments → core → exit code. cli/ holds the only files in geo/ that touch process and files.
 * Exit 0 compliant, 1 not compliant, 2 input that can't be used (one line on stderr, no stack).
 */

import type { Lang } from "../messages";
import { BATCH_HELP, runChecks } from "./batch";
import { CONVERT_HELP, runConvert } from "./convert";
import { DIFF_HELP, runDiff } from "./diff";
import { PARCELS_HELP, runParcels } from "./parcels";
import { PROPOSE_HELP, runPropose } from "./propose";
import { REPORT_HELP, runReport } from "./report";

const HELP = `czd — 클러스터 지구 검사기 (Cluster Zone Designer checker)

사용법 / usage:
  czd check <filing.geojson> [options]
${BATCH_HELP}
${CONVERT_HELP}
${REPORT_HELP}
${DIFF_HELP}
${PROPOSE_HELP}
${PARCELS_HELP}

옵션 / options:
  --rules phase-1-2|phase-3|<rules.json>  규칙 집합 / rule set
      (기본: 신청서의 czd.ruleSet, 없으면 phase-1-2 / default: the filing's czd.ruleSet, else phase-1-2)
  --hubs <hubs.geojson|hubs.csv|hubs.zip>  혁신거점 파일, 여러 번 가능 / hub file, repeatable
      (기본: 내장 혁신도시 층 / default: the embedded 혁신도시 layer; --hubs none: 세지 않음 / count none)
  --hubs-crs EPSG:xxxx                    CSV의 x,y 좌표계 / CRS of x,y columns in a hub CSV
  --crs EPSG:5186                         평면 면적의 TM 좌표계 / TM plane for planar area
  --sido KR-xx                            시·도 지정 / name the 시·도 (default: the filing's czd.sido)
  --format text|json                      출력 형식 / output format (default text)
  --lang ko|en                            언어 / language (default ko)
  -h, --help                              이 도움말 / this help

종료 코드 / exit codes: 0 적합 compliant, 1 부적합 not compliant, 2 입력 오류 unusable input
`;

/** Runs the CLI; returns the exit code. Output goes through the given writers (tests use them). */
export function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  const lang: Lang = argv.includes("en") && argv.includes("--lang") ? "en" : "ko";
  const [command, ...rest] = argv;
  if (
    !command ||
    command === "--help" ||
    command === "-h" ||
    rest.includes("--help") ||
    rest.includes("-h")
  ) {
    out(HELP);
    return Promise.resolve(command ? 0 : 2);
  }
  if (command === "check") return runChecks(rest, out, err, lang);
  if (command === "convert") return runConvert(rest, out, err);
  if (command === "report") return runReport(rest, out, err);
  if (command === "diff") return runDiff(rest, out, err, lang);
  if (command === "propose") return runPropose(rest, out, err, lang);
  if (command === "parcels") return runParcels(rest, out, err, lang);
  err(`czd: 알 수 없는 명령 '${command}' / Unknown command '${command}' (czd --help)\n`);
  return Promise.resolve(2);
}
