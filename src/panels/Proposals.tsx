/**
 * Firms in, proposals out: import a firm file (read in a Worker, with progress and cancel), then
 * compare the circle, belt and polygon proposals side by side and accept one into the zone.
 */
import { useEffect, useState } from "react";
import type { Report } from "../../geo/index";
import {
  acceptProposal,
  cancelFirmsWork,
  importFirmsFile,
  replaceWithProposal,
  restoreFirms,
  runProposals,
} from "../actions/firms-actions";
import { shapeName, useT } from "../i18n";
import { type FirmsMessages, useFirmsT } from "../i18n/firms";
import type { ProposalView } from "../store/proposal-view";
import { useAppStore } from "../store/store";
import { CoverageChart } from "./CoverageChart";
import { fileBytes } from "./download";
import { FilePicker, XY_CRS } from "./FilePicker";
import "./proposals.css";

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const num = (v: number) => Math.round(v).toLocaleString();

/** The envelope's area, km²: the circle's and belt's from their sizes, the polygon's as reported. */
function envelopeKm2(e: Report["envelope"]): number | undefined {
  if (e.shape === "circle" && e.radiusKm !== undefined) return Math.PI * e.radiusKm ** 2;
  if (e.shape === "belt" && e.halfWidthKm !== undefined && e.axisLengthKm !== undefined) {
    return 2 * e.halfWidthKm * e.axisLengthKm + Math.PI * e.halfWidthKm ** 2;
  }
  return e.areaKm2;
}

interface TextFieldProps {
  label: string;
  testId: string;
  value: string;
  hint: string;
  onChange: (value: string) => void;
}

function TextField({ label, testId, value, hint, onChange }: TextFieldProps) {
  return (
    <label>
      {label}{" "}
      <input
        data-testid={testId}
        value={value}
        placeholder={hint}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </label>
  );
}

function FirmImport({ f }: { f: FirmsMessages }) {
  const [weight, setWeight] = useState("");
  const [crs, setCrs] = useState("");
  const [industry, setIndustry] = useState("");
  const busy = useAppStore((s) => s.firmsImport);
  const onFile = async (file: File) => {
    const opts = {
      ...(weight.trim() ? { weight: weight.trim() } : {}),
      ...(industry.trim() ? { industry: industry.trim() } : {}),
      ...(crs ? { crs } : {}),
    };
    await importFirmsFile(useAppStore, await fileBytes(file), file.name, opts);
  };
  return (
    <div className="firm-import">
      <TextField
        label={f.weightColumn}
        testId="firms-weight"
        value={weight}
        hint={f.weightHint}
        onChange={setWeight}
      />
      <TextField
        label={f.industry}
        testId="firms-industry"
        value={industry}
        hint={f.industryHint}
        onChange={setIndustry}
      />
      <label>
        {f.xyCrs}{" "}
        <select data-testid="firms-crs" value={crs} onChange={(e) => setCrs(e.currentTarget.value)}>
          <option value="">{f.lonLat}</option>
          {XY_CRS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <FilePicker
        label={`⤒ ${f.importFirms}`}
        testId="import-firms"
        accept=".csv,.txt,.geojson,.json,.zip"
        onFile={onFile}
        disabled={busy?.busy === true}
      />
      {busy && (
        <div className="firm-progress">
          <progress data-testid="firms-progress" value={busy.share} max={1} />
          <span>{busy.busy ? `${f.reading} ${pct(busy.share)}` : pct(1)}</span>
          {busy.busy && (
            <button
              type="button"
              data-testid="firms-cancel"
              onClick={() => cancelFirmsWork(useAppStore)}
            >
              {f.cancel}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function Row({ p, f }: { p: ProposalView; f: FirmsMessages }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  if (p.error) {
    return (
      <tr data-shape={p.shape}>
        <th>{shapeName(t, p.shape)}</th>
        <td colSpan={10}>{lang === "en" ? p.error.en : p.error.ko}</td>
      </tr>
    );
  }
  const area = envelopeKm2(p.envelope);
  return (
    <tr data-shape={p.shape} title={p.method}>
      <th>{shapeName(t, p.shape)}</th>
      <td>{num(p.covered)}</td>
      <td data-testid={`in-parcels-${p.shape}`}>
        {num(p.parcelsWeight)} ({p.covered > 0 ? pct(p.parcelsWeight / p.covered) : "–"})
      </td>
      <td>{num(p.coveredFirms)}</td>
      <td>{pct(p.share)}</td>
      <td>
        {/* A bound that is only the total weight says nothing: the share above already is that. */}
        {p.bound > 0 && !p.method.startsWith("total-weight") ? pct(p.covered / p.bound) : "–"}
      </td>
      <td>
        {p.parcelsCount} · {p.parcelsKm2.toFixed(2)}㎢
      </td>
      <td>{p.hubs}</td>
      <td>{area === undefined ? "–" : `${area.toFixed(0)}㎢`}</td>
      <td>
        <button
          type="button"
          data-testid={`accept-${p.shape}`}
          onClick={() => acceptProposal(useAppStore, p)}
        >
          {f.accept}
        </button>
      </td>
      <td>
        <button
          type="button"
          data-testid={`replace-${p.shape}`}
          onClick={() =>
            replaceWithProposal(useAppStore, p, (name, n) =>
              window.confirm(f.confirmReplace.replace("{name}", name).replace("{n}", String(n))),
            )
          }
        >
          {f.replace}
        </button>
      </td>
    </tr>
  );
}

function ProposalTable({ f }: { f: FirmsMessages }) {
  const proposals = useAppStore((s) => s.proposals);
  const forZone = useAppStore((s) => s.proposalsZoneId);
  const active = useAppStore((s) => s.activeZoneId);
  if (!proposals) return null;
  // The proposals belong to the zone they were made for: another zone active, they close.
  if (forZone !== active) {
    return (
      <p className="small" data-testid="proposals-other-zone">
        {f.otherZone}
      </p>
    );
  }
  return (
    <>
      <table className="proposals" data-testid="proposals">
        <thead>
          <tr>
            <th>{f.shape}</th>
            <th>{f.covered}</th>
            <th>{f.inParcels}</th>
            <th>{f.firmsIn}</th>
            <th>{f.share}</th>
            <th>{f.ofBound}</th>
            <th>{f.parcels}</th>
            <th>{f.hubs}</th>
            <th>{f.envelopeKm2}</th>
            <th />
            <th />
          </tr>
        </thead>
        <tbody>
          {proposals.map((p) => (
            <Row key={p.shape} p={p} f={f} />
          ))}
        </tbody>
      </table>
      <CoverageChart proposals={proposals} label={f.curve} />
      <p className="small">{f.boundNote}</p>
    </>
  );
}

export function Proposals() {
  const f = useFirmsT();
  const firms = useAppStore((s) => s.firms);
  const proposing = useAppStore((s) => s.proposing);
  useEffect(() => {
    void restoreFirms(useAppStore);
  }, []);
  return (
    <details className="proposals-panel" data-testid="proposals-panel">
      <summary>{f.title}</summary>
      <FirmImport f={f} />
      {firms ? (
        <p data-testid="firms-summary" data-count={firms.lon.length}>
          {firms.name}: {f.firms} {num(firms.lon.length)}, {f.totalWeight} {num(firms.total)}
        </p>
      ) : (
        <p className="small">{f.noFirms}</p>
      )}
      <button
        type="button"
        data-testid="propose"
        disabled={!firms || proposing}
        onClick={() => void runProposals(useAppStore)}
      >
        {proposing ? f.proposing : f.propose}
      </button>
      {proposing && (
        <button type="button" onClick={() => cancelFirmsWork(useAppStore)}>
          {f.cancel}
        </button>
      )}
      <ProposalTable f={f} />
    </details>
  );
}
