/**
 * The CLI's own argument parser: Node's `util.parseArgs` answers in English only ("Unknown option
 * '--cap'. To specify a positional argument starting with a '-' …") and can't take a negative
 * number as a value (`--cap-km2 -5`). This one takes the same option table, answers in Korean and
 * English in one line naming the argument and its position, and leaves the value's meaning to the
 * command (which then says `--cap-km2 -5` is not a positive area).
 */
import { FilingError } from "../errors";
import type { ArgProblem } from "../errors/params";
import { excerpt } from "../sanitize";

export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
  default?: string;
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K]["type"] extends "boolean"
    ? boolean
    : O[K]["multiple"] extends true
      ? string[]
      : string;
};

export interface Parsed<O extends Record<string, OptionSpec>> {
  values: Values<O>;
  positionals: string[];
}

function argError(problem: ArgProblem, place: number, arg: string, option?: string): FilingError {
  const params = { kind: "CLI_ARG", problem, place, arg, ...(option ? { option } : {}) } as const;
  return new FilingError({ code: "BAD_FILE", params });
}

/** A value may start with "-" when it is a number ("-5", "-0.5", "-1e3"), never another option. */
const NEGATIVE_NUMBER = /^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Parses `args` against `options`: `--name value`, `--name=value`, `-o value`, `--flag`, and
 * positionals; `--` ends the options. Unknown options, a missing value and a value given to a
 * flag are FilingErrors naming the argument and its place (1-based, as typed after the command).
 */
export function parseCliArgs<O extends Record<string, OptionSpec>>(
  args: readonly string[],
  options: O,
): Parsed<O> {
  const values: Record<string, string | boolean | string[]> = Object.create(null);
  const positionals: string[] = [];
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(options)) if (spec.short) byShort.set(spec.short, name);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-" || NEGATIVE_NUMBER.test(arg)) {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith("--");
    const eq = long ? arg.indexOf("=") : -1;
    const key = long ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1);
    const name = long ? key : byShort.get(key);
    const spec = name !== undefined && Object.hasOwn(options, name) ? options[name] : undefined;
    const shown = excerpt(arg, 40);
    if (name === undefined || !spec) {
      throw argError("UNKNOWN_OPTION", i + 1, shown);
    }
    if (spec.type === "boolean") {
      if (eq >= 0) {
        throw argError("TAKES_NO_VALUE", i + 1, shown, name);
      }
      values[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (
        next !== undefined &&
        (!next.startsWith("-") || next === "-" || NEGATIVE_NUMBER.test(next))
      ) {
        value = next;
        i++;
      }
    }
    if (value === undefined) {
      throw argError("NEEDS_VALUE", i + 1, shown);
    }
    if (spec.multiple) {
      const list = values[name];
      values[name] = Array.isArray(list) ? [...list, value] : [value];
    } else values[name] = value;
  }
  for (const [name, spec] of Object.entries(options)) {
    if (spec.default !== undefined && values[name] === undefined) values[name] = spec.default;
  }
  return { values: values as Values<O>, positionals };
}
