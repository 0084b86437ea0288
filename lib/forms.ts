import type { FieldValues, Path, Resolver, UseFormSetError } from "react-hook-form";
import type { $ZodType } from "zod/v4/core";
import { describeError, fieldErrorsOf } from "@/lib/trpc/errors";

/**
 * Puts a server's field errors beside their fields and returns the message for the form's alert
 * ("" when every message found its field). Validation is the same zod schema on both sides, so this is
 * mostly for rules only the server knows (a taken email, a version conflict). `fields` lists the form's
 * fields named as on the server, or maps server names to the form's own.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[] | Readonly<Record<string, Path<T>>>,
): string {
  const fieldOf = (name: string): Path<T> | undefined =>
    Array.isArray(fields) ? (fields.includes(name) ? (name as Path<T>) : undefined) : (fields as Record<string, Path<T>>)[name];
  let placed = false;
  for (const [name, messages] of Object.entries(fieldErrorsOf(error))) {
    const field = fieldOf(name);
    const message = messages?.[0];
    if (field && message) {
      setError(field, { type: "server", message });
      placed = true;
    }
  }
  return placed ? "" : describeError(error);
}

/**
 * A react-hook-form resolver that loads its zod schema (and zod with it) at the form's first validation,
 * so a page with a form ships no zod before anyone submits: zod alone is about 33 kB compressed. Pass
 * `() => import("@/lib/schemas/…").then((m) => m.someSchema)`; the schema is the same one the server uses.
 */
export function lazyZodResolver<TInput extends FieldValues, TOutput = TInput>(
  loadSchema: () => Promise<$ZodType<TOutput, TInput>>,
): Resolver<TInput, unknown, TOutput> {
  let loaded: Promise<Resolver<TInput, unknown, TOutput>> | undefined;
  return async (values, context, options) => {
    loaded ??= Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema) as unknown as Resolver<TInput, unknown, TOutput>,
    );
    return (await loaded)(values, context, options);
  };
}
