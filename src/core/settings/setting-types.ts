import { z } from 'zod';

// Every setting arrives as a string (or not at all). An empty value, as left by copying .env.example,
// counts as unset so the default applies.
const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A plain text setting; `help` says what a valid value looks like. */
export function textSetting(defaultValue: string, help: string) {
  return z.preprocess(unsetIfEmpty, z.string().default(defaultValue)).describe(help);
}

/** An optional text setting (credentials, ids): undefined when unset. */
export function optionalText(help: string) {
  return z.preprocess(unsetIfEmpty, z.string().trim().min(1).optional()).describe(help);
}

// Numbers are written plainly: `0x1`, `1e3` and ` 0.7 ` are refused (JavaScript's Number() would take
// them), so a typo never turns into a surprising value.
const DECIMAL = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;

function strictNumber(pattern: RegExp, form: string, defaultValue: number) {
  return z
    .preprocess(unsetIfEmpty, z.union([z.number(), z.string().regex(pattern, `must be written as ${form}`)]).optional())
    .transform((v) => (v === undefined ? defaultValue : Number(v)));
}

/** A number within bounds, written as plain decimal digits (0.7, 12). */
export function numberSetting(defaultValue: number, min: number, max: number, help: string) {
  return strictNumber(DECIMAL, 'a plain decimal number such as 0.7 (no spaces, hex or exponent)', defaultValue)
    .pipe(z.number().min(min).max(max))
    .describe(help);
}

/** A whole number within bounds, written as plain digits. */
export function intSetting(defaultValue: number, min: number, max: number, help: string) {
  return strictNumber(
    INTEGER,
    'a whole number in plain digits such as 30 (no spaces, hex, exponent or decimals)',
    defaultValue,
  )
    .pipe(z.number().int().min(min).max(max))
    .describe(help);
}

/** An optional whole number within bounds (undefined when unset), written as plain digits. */
export function optionalIntSetting(min: number, max: number, help: string) {
  return z
    .preprocess(
      unsetIfEmpty,
      z.union([z.number(), z.string().regex(INTEGER, 'must be a whole number in plain digits')]).optional(),
    )
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .pipe(z.number().int().min(min).max(max).optional())
    .describe(help);
}

/** true/false, yes/no, 1/0, on/off. */
export function flagSetting(defaultValue: boolean, help: string) {
  return z.preprocess(unsetIfEmpty, z.stringbool().default(defaultValue)).describe(help);
}

/** A comma-separated list; blanks dropped. */
export function listSetting(defaultValue: string, help: string) {
  return z
    .preprocess(unsetIfEmpty, z.string().default(defaultValue))
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .describe(help);
}

/** An http(s) or ws(s) base URL, kept without a trailing slash. */
export function urlSetting(defaultValue: string, help: string) {
  return z
    .preprocess(unsetIfEmpty, z.string().default(defaultValue))
    .refine((s) => /^(https?|wss?):\/\/[^\s/]+/.test(s), 'must be a URL such as https://host or http://127.0.0.1:8080')
    .transform((s) => s.replace(/\/+$/, ''))
    .describe(help);
}

/** An optional http(s) or ws(s) URL (an override): undefined when unset, else kept without a trailing slash. */
export function optionalUrl(help: string) {
  return z
    .preprocess(unsetIfEmpty, z.string().trim().optional())
    .refine(
      (s) => s === undefined || /^(https?|wss?):\/\/[^\s/]+/.test(s),
      'must be a URL such as wss://host or ws://127.0.0.1:8080',
    )
    .transform((s) => s?.replace(/\/+$/, ''))
    .describe(help);
}

/** A comma-separated list of platform ids (Discord snowflakes); blanks dropped, each checked. */
export function idListSetting(help: string) {
  return listSetting('', help)
    .refine(
      (ids) => ids.every((id) => /^\d{15,21}$/.test(id)),
      'must be numeric ids separated by commas, e.g. 1180000000000000001,1180000000000000002',
    )
    .describe(help);
}

/** One of a fixed set of words. */
export function choiceSetting<T extends string>(values: readonly [T, ...T[]], defaultValue: T, help: string) {
  return z.preprocess(unsetIfEmpty, z.enum(values).default(defaultValue)).describe(help);
}

/** An IANA time zone such as Europe/Paris. */
export function timeZoneSetting(defaultValue: string, help: string) {
  return z
    .preprocess(unsetIfEmpty, z.string().default(defaultValue))
    .refine(isTimeZone, 'must be an IANA time zone such as UTC or Europe/Paris')
    .describe(help);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A map of env name to setting schema: what every config section exports. */
export type SettingShape = Record<string, z.ZodType>;

/** The parsed values of a shape. */
export type ParsedSettings<S extends SettingShape> = z.output<z.ZodObject<S>>;
