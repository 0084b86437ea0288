import { TRPCClientError } from "@trpc/client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type ErrorData = { fieldErrors?: Record<string, string[] | undefined> | null };

/**
 * Puts a server's field errors beside their fields and returns the message for the form's alert.
 * Validation is the same zod schema on both sides, so this is mostly for rules only the server
 * knows (a taken email, a version conflict).
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData | undefined;
    let placed = false;
    for (const [name, messages] of Object.entries(data?.fieldErrors ?? {})) {
      const message = messages?.[0];
      if (message && fields.includes(name)) {
        setError(name as Path<T>, { type: "server", message });
        placed = true;
      }
    }
    return placed ? "" : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
