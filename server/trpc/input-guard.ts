/**
 * A net under every procedure's zod schema: whatever a schema forgets, input PostgreSQL or the
 * audit trail cannot store is refused here with a plain message before any code runs. The shared
 * primitives in lib/schemas/common.ts give the same rules field by field, with form messages.
 */

/** PostgreSQL's `integer`: every number we store or compare in SQL fits in it. */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;
/** No list in any form is near this long; carried-over agenda items, invitations and ids are far fewer. */
export const MAX_ARRAY_ITEMS = 500;
/** Nesting no real input reaches; deeper bodies are an attack on the parser, not a request. */
export const MAX_DEPTH = 12;
/** Dates outside these years are typing errors or probes; PostgreSQL stores them, people never mean them. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or null. */
export function badText(value: string): string | null {
  if (value.includes("\u0000")) return "Text may not contain NUL characters.";
  if (LONE_SURROGATE.test(value)) return "Text contains a broken character (a lone UTF-16 surrogate).";
  return null;
}

export function badInteger(value: number): string | null {
  if (!Number.isFinite(value)) return "Numbers must be finite.";
  if (Number.isInteger(value) && (value < INT32_MIN || value > INT32_MAX)) return "That number is out of range.";
  return null;
}

export function badDate(value: Date): string | null {
  const time = value.getTime();
  if (Number.isNaN(time)) return "That is not a valid date.";
  const year = value.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return `Dates must fall between ${MIN_YEAR} and ${MAX_YEAR}.`;
  return null;
}

export type InputProblem = { path: string; message: string };

/** The first value in `input` that no procedure may receive, or null. Walks plain data only. */
export function inputProblem(input: unknown): InputProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    const at = (message: string) => ({ path, message });
    if (typeof value === "string") {
      const problem = badText(value);
      if (problem) return at(problem);
    } else if (typeof value === "number") {
      const problem = badInteger(value);
      if (problem) return at(problem);
    } else if (typeof value === "bigint") {
      return at("That number is out of range.");
    } else if (value instanceof Date) {
      const problem = badDate(value);
      if (problem) return at(problem);
    } else if (value !== null && typeof value === "object") {
      if (depth >= MAX_DEPTH) return at("The request is nested too deeply.");
      if (Array.isArray(value)) {
        if (value.length > MAX_ARRAY_ITEMS) return at(`Lists may hold at most ${MAX_ARRAY_ITEMS} entries.`);
        value.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
      } else {
        const entries = Object.entries(value);
        if (entries.length > MAX_ARRAY_ITEMS) return at("The request has too many fields.");
        for (const [key, item] of entries) {
          const problem = badText(key);
          if (problem) return { path, message: problem };
          stack.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
        }
      }
    }
  }
  return null;
}
