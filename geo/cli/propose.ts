/**
 * `czd propose`: firms in, a proposal out (FILING.md, "Phase 3 proposals"): the filing to `-o`
 * (or stdout), and with `--format json` the summary on stdout. Exit 0 with a proposal, 1 when
 * the firms allow none (with why), 2 on input that can't be used.
 */

import { FilingError } from "../errors";
import { zoneToFiling } from "../filing";
import { decodeText } from "../io";
import type { Lang } from "../messages";
import { parseIndustry, readFirms, readSites } from "../propose";
import {
  type FirmReadOptions,
  type Firms,
  isNoProposal,
  type Proposal,
  propose,
} from "../propose/index";
import { readFirmsStream, streamedFormat, WholeFileNeeded } from "../propose/read-stream";
import { BUILTIN_RULE_SETS, loadRuleSet } from "../rules";
import { excerpt } from "../sanitize";
import { ENVELOPE_SHAPES, type EnvelopeShape, type RuleSet } from "../types";
import { parseCliArgs } from "./args";
import { fileChunks, readBytes, runCommand, usage, type Writer, writeOutput } from "./files";
import { hubsFromArgs } from "./hubs";
import { proposalText } from "./propose-text";

export const PROPOSE_HELP = `  czd propose <firms.csv|firms.geojson|firms.zip> --shape circle|belt|polygon
      [--rules phase-3] [--weight <열 column>] [--industry 열=값[,값]] [--crs EPSG:xxxx] [--sido KR-xx] [--cap-km2 15] [--max-pieces 10]
      [--sites <sites.geojson|sites.zip>] [--hubs <file>|none] [--format text|json] [-o proposal.geojson]
      기업 분포로 지구 제안 / propose a zone from the firms' distribution`;

function ruleSetOf(arg: string | undefined): RuleSet {
  const id = arg ?? "phase-3";
  if (BUILTIN_RULE_SETS.some((r) => r.id === id)) return loadRuleSet(id);
  return loadRuleSet(decodeText(readBytes(id, "rules")));
}

/**
 * The firms of a file: CSV and GeoJSON read in a stream into typed arrays (a million firms in a
 * fraction of the memory the whole text and its rows took), anything else read whole.
 */
async function readFirmsFile(file: string, opts: FirmReadOptions): Promise<Firms> {
  if (streamedFormat(file)) {
    try {
      return readFirmsStream(fileChunks(file, "firms"), file, opts);
    } catch (e) {
      if (!(e instanceof WholeFileNeeded)) throw e;
    }
  }
  return readFirms(readBytes(file, "firms"), file, opts);
}

/** The JSON summary of FILING.md (plus the radius rule, the 시·도s searched, the 시·도 and the verdict). */
export function proposalSummary(p: Proposal): Record<string, unknown> {
  return {
    shape: p.shape,
    envelope: p.envelope,
    weight: p.weight,
    firms: p.firms,
    parcels: { count: p.parcels.count, km2: p.parcels.km2, weight: p.parcels.weight },
    hubs: p.hubs,
    optimality: p.optimality,
    radius: p.radius,
    candidates: p.candidates,
    sido: p.report.sido.code,
    verdict: p.report.verdict,
  };
}

async function proposeCommand(
  args: string[],
  out: Writer,
  err: Writer,
  lang: Lang,
): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    shape: { type: "string" },
    rules: { type: "string" },
    weight: { type: "string" },
    industry: { type: "string" },
    crs: { type: "string" },
    sido: { type: "string" },
    "cap-km2": { type: "string" },
    "max-pieces": { type: "string" },
    hubs: { type: "string", multiple: true },
    sites: { type: "string" },
    format: { type: "string", default: "text" },
    lang: { type: "string", default: "ko" },
    o: { type: "string", short: "o" },
  });
  const file = positionals[0];
  if (!file) throw usage("FIRMS_FILE");
  const shape = values.shape;
  if (!ENVELOPE_SHAPES.includes(shape as EnvelopeShape)) {
    throw usage("SHAPE");
  }
  if (values.format !== "text" && values.format !== "json") {
    throw usage("FORMAT_TEXT_JSON");
  }
  const cap = values["cap-km2"] === undefined ? undefined : Number(values["cap-km2"]);
  if (cap !== undefined && !(Number.isFinite(cap) && cap > 0)) {
    const shown = excerpt(values["cap-km2"] ?? "", 40);
    throw new FilingError({
      code: "BAD_FILE",
      params: { kind: "CLI_BAD_NUMBER", option: "cap-km2", value: shown },
    });
  }
  const maxPieces = values["max-pieces"] === undefined ? undefined : Number(values["max-pieces"]);
  if (maxPieces !== undefined && !(Number.isInteger(maxPieces) && maxPieces >= 1)) {
    const shown = excerpt(values["max-pieces"] ?? "", 40);
    throw new FilingError({
      code: "BAD_FILE",
      params: { kind: "CLI_BAD_NUMBER", option: "max-pieces", value: shown },
    });
  }
  const ruleSet = ruleSetOf(values.rules);
  const firms = await readFirmsFile(file, {
    ...(values.weight ? { weight: values.weight } : {}),
    ...(values.industry ? { industry: parseIndustry(values.industry) } : {}),
    ...(values.crs ? { crs: values.crs } : {}),
  });
  const hubs = await hubsFromArgs(values.hubs, undefined);
  const sites = values.sites
    ? await readSites(
        readBytes(values.sites, "sites"),
        values.sites,
        values.crs ? { crs: values.crs } : {},
      )
    : undefined;
  let proposal: Proposal;
  try {
    proposal = propose(firms, {
      shape: shape as EnvelopeShape,
      ruleSet,
      ...(values.sido ? { sido: values.sido } : {}),
      ...(cap !== undefined ? { capKm2: cap } : {}),
      ...(maxPieces !== undefined ? { maxPieces } : {}),
      ...(hubs ? { hubs } : {}),
      ...(sites ? { sites } : {}),
    });
  } catch (e) {
    if (!isNoProposal(e)) throw e;
    // Usable input, but no zone: exit 1 with why, never a filing without parcels.
    err(`czd: 제안 없음 / no proposal: ${lang === "en" ? e.en : `${e.ko} / ${e.en}`}\n`);
    return 1;
  }
  const filing = `${JSON.stringify(
    zoneToFiling(proposal.zone, { areasKm2: proposal.report.area.parcels.map((p) => p.km2) }),
    null,
    1,
  )}\n`;
  if (values.o) writeOutput(values.o, filing);
  if (values.format === "json") out(`${JSON.stringify(proposalSummary(proposal), null, 2)}\n`);
  else out(values.o ? proposalText(proposal, lang) : filing);
  return 0;
}

/** Runs `czd propose`; resolves to the exit code (0 a proposal, 1 none possible, 2 unusable input). */
export function runPropose(args: string[], out: Writer, err: Writer, lang: Lang): Promise<number> {
  return runCommand(lang, err, () => proposeCommand(args, out, err, lang));
}
