/**
 * `czd`: arguments → core → exit code. The only file in geo/ that touches process and files.
 * Exit 0 compliant, 1 not compliant, 2 input that can't be used (one line on stderr, no stack).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkFiling } from "./check";
import { CONVERT_HELP, runConvert } from "./cli-convert";
import { REPORT_HELP, runReport } from "./cli-report";
import { FilingError, isFilingError } from "./errors";
import { readFiling } from "./filing";
import { indexHubs } from "./hubs";
import { readHubs } from "./io/hubs";
import type { Lang } from "./messages";
import { formatReportText } from "./report-text";
import { loadRuleSet } from "./rules/load";

const HELP = `czd — 클러스터 지구 검사기 (Cluster Zone Designer checker)

사용법 / usage:
  czd check <filing.geojson> [options]
${CONVERT_HELP}
${REPORT_HELP}

옵션 / options:
  --rules phase-1-2|phase-3|<rules.json>  규칙 집합 / rule set (default phase-1-2)
  --hubs <hubs.geojson|hubs.csv>          혁신거점 파일 / hub file
  --hubs-crs EPSG:xxxx                    CSV의 x,y 좌표계 / CRS of x,y columns in a hub CSV
  --crs EPSG:5186                         평면 면적의 TM 좌표계 / TM plane for planar area
  --sido KR-xx                            시·도 지정 / name the 시·도 (ISO 3166-2:KR)
  --format text|json                      출력 형식 / output format (default text)
  --lang ko|en                            언어 / language (default ko)
  -h, --help                              이 도움말 / this help

종료 코드 / exit codes: 0 적합 compliant, 1 부적합 not compliant, 2 입력 오류 unusable input
`;

function readText(path: string, what: { ko: string; en: string }): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const reason = e instanceof Error && "code" in e ? String(e.code) : "read error";
    throw new FilingError(
      "BAD_FILE",
      `${what.ko} 파일 '${path}'을(를) 읽을 수 없습니다 (${reason})`,
      `Cannot read ${what.en} file '${path}' (${reason})`,
    );
  }
}

function usage(ko: string, en: string): FilingError {
  return new FilingError("BAD_FILE", `${ko} (czd --help)`, `${en} (czd --help)`);
}

function loadRules(arg: string | undefined) {
  if (!arg || arg === "phase-1-2" || arg === "phase-3") return loadRuleSet(arg ?? "phase-1-2");
  return loadRuleSet(readText(arg, { ko: "규칙", en: "rules" }));
}

function check(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rules: { type: "string" },
      hubs: { type: "string" },
      "hubs-crs": { type: "string" },
      crs: { type: "string" },
      sido: { type: "string" },
      format: { type: "string", default: "text" },
      lang: { type: "string", default: "ko" },
    },
  });
  const lang: Lang = values.lang === "en" ? "en" : "ko";
  const file = positionals[0];
  if (!file) throw usage("검사할 파일을 주십시오", "Give the filing to check");
  if (values.format !== "text" && values.format !== "json") {
    throw usage("--format은 text 또는 json입니다", "--format is text or json");
  }
  const zone = readFiling(readText(file, { ko: "지구", en: "filing" }));
  const ruleSet = loadRules(values.rules);
  const hubsPath = values.hubs;
  const hubs = hubsPath
    ? indexHubs(
        readHubs(readText(hubsPath, { ko: "거점", en: "hub" }), hubsPath, {
          ...(values["hubs-crs"] ? { crs: values["hubs-crs"] } : {}),
        }),
      )
    : undefined;
  const report = checkFiling(zone, {
    ruleSet,
    ...(hubs ? { hubs } : {}),
    ...(values.crs ? { tmCrs: values.crs } : {}),
    ...(values.sido ? { sido: values.sido } : {}),
  });
  out(
    values.format === "json"
      ? `${JSON.stringify(report, null, 2)}\n`
      : formatReportText(report, lang),
  );
  return report.verdict === "pass" ? 0 : 1;
}

/** Runs the CLI; returns the exit code. Output goes through the given writers (tests use them). */
export function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): number | Promise<number> {
  const lang: Lang = argv.includes("en") && argv.includes("--lang") ? "en" : "ko";
  const [command, ...rest] = argv;
  try {
    if (
      !command ||
      command === "--help" ||
      command === "-h" ||
      rest.includes("--help") ||
      rest.includes("-h")
    ) {
      out(HELP);
      return command ? 0 : 2;
    }
    if (command === "check") return check(rest, out);
    if (command === "convert") return runConvert(rest, out, err);
    if (command === "report") return runReport(rest, out, err);
    throw usage(`알 수 없는 명령 '${command}'`, `Unknown command '${command}'`);
  } catch (e) {
    if (isFilingError(e)) {
      err(`czd: ${e.text(lang)}${lang === "ko" ? ` / ${e.en}` : ""}\n`);
      return 2;
    }
    const text = e instanceof Error ? e.message : String(e);
    err(`czd: 처리할 수 없는 입력입니다 / unusable input: ${text}\n`);
    return 2;
  }
}

if (process.argv[1] && /cli\.[jt]s$/.test(process.argv[1])) {
  Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
