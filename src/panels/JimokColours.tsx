/**
 * The 지목 colours of the cadastre layer: a toggle (a plain button, so keyboard and screen readers
 * work it as any other) and, while on, the legend: each 지목 부호 with its colour and its name in
 * the page's language (src/map/jimok-colours.ts).
 */
import { jimokName } from "../../geo/cadastre/jimok";
import { JIMOK_EN, JIMOK_WORDS } from "../i18n/jimok";
import { JIMOK_CODES, JIMOK_COLOURS, OTHER_COLOUR } from "../map/jimok-colours";
import { useCadastre } from "../store/cadastre";

export function JimokColours({ lang }: { lang: "ko" | "en" }) {
  const on = useCadastre((s) => s.jimokColours);
  const w = JIMOK_WORDS[lang];
  return (
    <span className="jimok-colours">
      <button
        type="button"
        data-testid="cadastre-jimok"
        aria-pressed={on}
        aria-controls={on ? "jimok-legend" : undefined}
        title={w.coloursTitle}
        onClick={() => useCadastre.setState({ jimokColours: !on })}
      >
        {w.colours}
      </button>
      {on && (
        <ul
          id="jimok-legend"
          className="jimok-legend"
          data-testid="jimok-legend"
          aria-label={w.legend}
        >
          {JIMOK_CODES.map((code) => (
            <li key={code} data-jimok={code}>
              <span
                className="swatch"
                aria-hidden="true"
                style={{ background: JIMOK_COLOURS[code] }}
              />
              <span lang="ko">{code}</span>{" "}
              {lang === "ko" ? (jimokName(code) === code ? "" : jimokName(code)) : JIMOK_EN[code]}
            </li>
          ))}
          <li data-jimok="">
            <span className="swatch" aria-hidden="true" style={{ background: OTHER_COLOUR }} />
            {w.other}
          </li>
        </ul>
      )}
    </span>
  );
}
