/** Reading a scene feature's property in a MapLibre expression, by the contract's name for it. */
import type { ExpressionSpecification } from "maplibre-gl";

/** `["get", key]` for a property of P (contract.ts): a renamed property fails the type check. */
export const get = <P>(key: keyof P & string): ExpressionSpecification => ["get", key];

/** Whether a feature's property of P equals `value`, which must be one P allows. */
export function propIs<P, K extends keyof P & string>(
  key: K,
  value: P[K] & (string | number | boolean),
): ExpressionSpecification {
  return ["==", get<P>(key), value];
}
