import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
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
