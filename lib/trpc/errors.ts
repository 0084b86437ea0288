import { TRPCClientError } from "@trpc/client";

/** The message to show for a failed call or any other thrown value: an Error's message, else the value as text. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The tRPC error code of a failed call ("CONFLICT", "NOT_FOUND" …), undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}

/** The server's per-field messages of a failed call (zod issues and rules only the server knows), else {}. */
export function fieldErrorsOf(error: unknown): Record<string, string[] | undefined> {
  if (!(error instanceof TRPCClientError)) return {};
  return (error.data as { fieldErrors?: Record<string, string[] | undefined> | null } | undefined)?.fieldErrors ?? {};
}
