import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "@/server/trpc/root";

// ASVS V5 / issue 15: every text a procedure accepts has a length limit in its zod schema, so no
// field can carry megabytes into a query, a hash or a log line. Walks every procedure's input as
// JSON Schema; a string is bounded by maxLength, an enum or constant, or an anchored pattern
// without repetition that can grow (`+`, `*`, `{n,}`).

type Schema = { [key: string]: unknown };

const boundedPattern = (pattern: string) => pattern.startsWith("^") && pattern.endsWith("$") && !/[+*]|\{\d+,\}/.test(pattern);

function unboundedStrings(schema: unknown, at = ""): string[] {
  if (!schema || typeof schema !== "object") return [];
  const s = schema as Schema;
  const out: string[] = [];
  const isString = s.type === "string" || (Array.isArray(s.type) && s.type.includes("string"));
  if (isString && s.maxLength === undefined && s.enum === undefined && s.const === undefined && !(typeof s.pattern === "string" && boundedPattern(s.pattern))) {
    out.push(at || "(input)");
  }
  for (const key of ["properties", "$defs", "definitions", "patternProperties"]) {
    const children = s[key];
    if (children && typeof children === "object") for (const [name, child] of Object.entries(children)) out.push(...unboundedStrings(child, `${at}.${name}`));
  }
  for (const key of ["items", "additionalProperties", "not", "contains"]) if (s[key] && typeof s[key] === "object") out.push(...unboundedStrings(s[key], `${at}[]`));
  for (const key of ["anyOf", "oneOf", "allOf", "prefixItems"]) {
    const list = s[key];
    if (Array.isArray(list)) list.forEach((child, i) => out.push(...unboundedStrings(child, `${at}|${i}`)));
  }
  return out;
}

describe("procedure inputs", () => {
  it("the walker finds an unbounded string and accepts bounded ones", () => {
    const schema = z.toJSONSchema(
      z.object({ a: z.string().max(5), b: z.string(), c: z.enum(["x"]), d: z.array(z.object({ e: z.string() })), f: z.string().regex(/^\d{4}$/), g: z.string().regex(/^\d+$/) }),
      { io: "input" },
    );
    expect(unboundedStrings(schema).sort()).toEqual([".b", ".d[].e", ".g"]);
  });

  it("bound the length of every string field of every procedure", () => {
    const procedures = Object.entries(appRouter._def.procedures as Record<string, unknown>) as [string, { _def: { inputs?: z.ZodType[] } }][];
    expect(procedures.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const [path, procedure] of procedures) {
      for (const input of procedure._def.inputs ?? []) {
        const schema = z.toJSONSchema(input, { io: "input", unrepresentable: "any" });
        for (const field of unboundedStrings(schema)) problems.push(`${path}: ${field}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
