import { z } from "zod";
import { appRouter } from "@/server/trpc/root";

/*
 * Prints, as JSON on stdout, every QUERY procedure of the app router with the shapes its input
 * accepts, read from the procedure's own zod schemas. The visibility crawl runs this as a child
 * process (`node --import tsx tests/e2e/crawl/procedures.ts`), so a procedure added later is
 * crawled without anyone editing the test, and the Playwright process never loads the server.
 */

export type InputField = { name: string; required: boolean; type: "string" | "integer" | "number" | "boolean" | "array" | "other"; enum?: string[] };
/** One accepted shape of the input (a union gives several); an empty list: no input at all. */
export type InputShape = InputField[];
export type QueryProcedure = { path: string; shapes: InputShape[] };

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
};

function fieldType(schema: JsonSchema): InputField["type"] {
  const types = [schema.type ?? []].flat().filter((t) => t !== "null");
  const variants = schema.anyOf ?? schema.oneOf;
  if (types.length === 0 && variants) {
    const inner = variants.map(fieldType).filter((t) => t !== "other");
    return inner[0] ?? "other";
  }
  const t = types[0];
  return t === "string" || t === "integer" || t === "number" || t === "boolean" || t === "array" ? t : "other";
}

/** The shapes a JSON schema accepts: object properties, merged over allOf, one per anyOf/oneOf branch. */
function shapes(schema: JsonSchema): InputShape[] {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && !schema.properties) return variants.flatMap(shapes);
  let result: InputShape[] = [[]];
  if (schema.properties) {
    const required = new Set(schema.required ?? []);
    result = [
      Object.entries(schema.properties).map(([name, prop]) => ({
        name,
        required: required.has(name),
        type: fieldType(prop),
        ...(Array.isArray(prop.enum) ? { enum: prop.enum.map(String) } : {}),
      })),
    ];
  }
  for (const part of schema.allOf ?? []) result = combine(result, shapes(part));
  return result;
}

function combine(a: InputShape[], b: InputShape[]): InputShape[] {
  return a.flatMap((left) =>
    b.map((right) => {
      const merged = new Map(left.map((f) => [f.name, f]));
      for (const f of right) {
        const before = merged.get(f.name);
        merged.set(f.name, before ? { ...before, required: before.required || f.required } : f);
      }
      return [...merged.values()];
    }),
  );
}

export function queryProcedures(): QueryProcedure[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs?: z.ZodType[] } }>;
  return Object.entries(procedures)
    .filter(([, p]) => p._def.type === "query")
    .map(([path, p]) => {
      let accepted: InputShape[] = [[]];
      for (const input of p._def.inputs ?? []) {
        const json = z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema;
        accepted = combine(accepted, shapes(json));
      }
      return { path, shapes: accepted };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  process.stdout.write(JSON.stringify(queryProcedures()));
}
