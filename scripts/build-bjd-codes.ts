/**
 * Builds `public/data/bjd-codes.json` from the Ministry of the Interior and Safety's 2020
 * 법정동코드 table (kept in `scripts/bjd/source/`, a copy of the team's `shared/data/bjd-codes`,
 * or the folder given first),
 * with the 2023–2024 code changes applied: 강원 42 → 51 (강원특별자치도), 전북 45 → 52
 * (전북특별자치도), 군위군 47720 → 27720 (대구광역시). Only codes in use (`존재`) are kept, each
 * with its own part of the name (망경동, not 경상남도 진주시 망경동), so a PNU's 소재지 is the
 * names of its 시·도, 시·군·구, 읍·면·동 and 리 codes put together. It also matches KOSTAT's
 * 시·군·구 codes (public/data/sigungu.json) to the 행정표준코드 by name.
 *
 *   npx tsx scripts/build-bjd-codes.ts [source-folder] [out-file]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { adminCodesJson, bjdTableJson, buildBjdTable } from "./cadastre/bjd-table";

const source = process.argv[2] ?? "scripts/bjd/source";
const out = process.argv[3] ?? "public/data/bjd-codes.json";
const adminOut = process.argv[4] ?? "public/data/sigungu-admin-codes.json";
const csv = readFileSync(join(source, "bjd-codes-2020.csv"), "utf8");
const sigungu = JSON.parse(readFileSync("public/data/sigungu.json", "utf8"));
const table = buildBjdTable(csv, sigungu);
writeFileSync(out, bjdTableJson(table));
writeFileSync(adminOut, adminCodesJson(table));
console.log(
  `${out}: ${Object.keys(table.names).length} codes, ${Object.keys(table.kostat).length} KOSTAT 시·군·구 matched`,
);
