/**
 * The cadastre the Worker holds (cadastre.worker.ts): its layers (a 시·군's 필지 each), all their
 * 필지 in one list, the map tiles' box index over them (cadastre-tiles.ts) and the PNU map made on
 * the first union. The selections' box index and the 지번 search read the same list, so a layer
 * added or closed changes every one of them together: the list is replaced, never edited, and
 * the selection index (cadastre-select.ts) is built again for the new list on its next question.
 */
import { type BjdTable, currentBjd, jibunOf, type Pilji, parsePnu } from "../../geo/cadastre";
import type { SourceId } from "../persistence/cadastre-kept";
import { type HeldLayer, uniqueSources, withoutSources } from "./cadastre-keep";
import { type CadastreTiles, cadastreTiles } from "./cadastre-tiles";

/** A 필지's label on the map: 지번 and 지목 부호. */
export function label(p: Pilji): string {
  try {
    return `${jibunOf(parsePnu(p.pnu))}${p.jimok}`;
  } catch {
    return `${p.jibun}${p.jimok}`;
  }
}

/** A layer's code, as its name gives it (LSMD_CONT_LDREG_48170 → 48170). */
const codeOfName = (name: string): string => name.replace(/^LSMD_CONT_LDREG_/, "");

/** The 시·군·구 a layer's 필지 lie in (진주시), from its first PNU; the layer's code when unknown. */
export function layerPlace(
  layer: { name: string; pilji: readonly Pilji[] },
  table: BjdTable,
): string {
  const pnu = layer.pilji[0]?.pnu;
  const code = pnu ? currentBjd(pnu.slice(0, 10)) : "";
  return table.names[`${code.slice(0, 5)}00000`] ?? codeOfName(layer.name);
}

/**
 * The 시·군·구 a layer's name names (LSMD_CONT_LDREG_48240 → 사천시, its code the 행정표준코드), for
 * a layer whose 필지 could not be read; the name's code when not in the table.
 */
export function namedPlace(name: string, table: BjdTable): string {
  const code = /(\d{5})$/.exec(name)?.[1];
  return (code && table.names[`${code}00000`]) || codeOfName(name);
}

export class HeldCadastre {
  layers: HeldLayer[] = [];
  pilji: Pilji[] = [];
  tiles: CadastreTiles | null = null;
  /** The page's number for the cadastre shown: a tile asked for another is answered empty. */
  generation = 0;
  private byPnu: Map<string, Pilji> | null = null;

  /** The 필지 of these layers become the cadastre held (its tiles indexed before the reply). */
  hold(layers: HeldLayer[], g: number, keptIndex?: ArrayBuffer): number {
    this.layers = layers;
    const all =
      layers.length === 1 ? (layers[0] as HeldLayer).pilji : layers.flatMap((l) => l.pilji);
    this.pilji = all;
    this.byPnu = null;
    // The tile index before the reply: the map's first tiles come as soon as it asks.
    this.tiles = all.length > 0 ? cadastreTiles(all, label, keptIndex) : null;
    this.generation = g;
    return all.length;
  }

  /** A 필지 held, by PNU (the map made on the first call: 0.5–0.8 s for 290,611). */
  piljiOf(pnu: string): Pilji | undefined {
    this.byPnu ??= new Map(this.pilji.map((p) => [p.pnu, p]));
    return this.byPnu.get(pnu);
  }

  /** The files the layers held were read from (each once); a layer kept by an earlier version names none. */
  sources(): SourceId[] {
    return uniqueSources(this.layers.flatMap((l) => l.sources ?? []));
  }

  /**
   * Takes the layer at `at` (named `name`, as the page listed it; the first of that name when
   * the list has changed since) out of the cadastre: its 필지 leave the list, the tiles' index is
   * built again over the others (under generation `g`). Returns the PNUs of `watch` that were its
   * 필지; null, changing nothing, when no such layer is held (the same × pressed twice quickly:
   * the second finds it closed already).
   *
   * The files it came from are no longer taken as held by the layers left: files picked
   * together are each layer's sources, and which of them held the closed layer is not known, so
   * picking any of them again reads it (the PNU check then skips what is still open) rather than
   * finding it "already open" and adding nothing.
   */
  close(at: number, name: string, g: number, watch: readonly string[]): string[] | null {
    // A second close clicked before the first's answer came names a place in the older list.
    const i = this.layers[at]?.name === name ? at : this.layers.findIndex((l) => l.name === name);
    const layer = this.layers[i];
    if (!layer) return null;
    const own = new Set(layer.pilji.map((p) => p.pnu));
    this.hold(
      withoutSources(
        this.layers.filter((_, k) => k !== i),
        layer.sources ?? [],
      ),
      g,
    );
    return [...new Set(watch)].filter((p) => own.has(p));
  }
}
