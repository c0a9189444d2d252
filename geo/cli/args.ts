/**
 * The CLI's own argument parser: Node's `util.parseArgs` answers in English only ("Unknown option
 * '--cap'. To specify a positional argument starting with a '-' …") and can't take a negative
 * number as a value (`--cap-km2 -5`). This one takes the same option table, answers in Korean and
 * English in one line naming the argument and its position, and leaves the value's meaning to the
 * command (which then says `--cap-km2 -5` is not a positive area).
 */
import { FilingError } from "../errors";
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

function argError(ko: string, en: string): FilingError {
  return new FilingError("BAD_FILE", `${ko} (czd --help)`, `${en} (czd --help)`);
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
    const at = { ko: `${i + 1}번째 인자`, en: `argument ${i + 1}` };
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
      throw argError(
        `${at.ko} '${shown}'은(는) 알 수 없는 옵션입니다: 철자를 확인하십시오`,
        `${at.en} '${shown}' is not an option: check its spelling`,
      );
    }
    if (spec.type === "boolean") {
      if (eq >= 0) {
        throw argError(
          `${at.ko} '${shown}': --${name}에는 값을 줄 수 없습니다`,
          `${at.en} '${shown}': --${name} takes no value`,
        );
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
      throw argError(
        `${at.ko} '${shown}' 뒤에 값이 있어야 합니다 (예: ${shown} 값)`,
        `${at.en} '${shown}' needs a value after it (e.g. ${shown} value)`,
      );
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
