// Domain code throws AppError; server/trpc maps it to a tRPC code in one place.
export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field name → message, for forms to show beside the field. */
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: AppErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

/** The one answer for "missing" and "not yours to know about", so ids leak nothing. */
export function notFound(what = "Not found"): AppError {
  return new AppError("NOT_FOUND", what);
}

export function forbidden(message = "You are not allowed to do this"): AppError {
  return new AppError("FORBIDDEN", message);
}

export function invalid(message: string, field?: string): AppError {
  return new AppError("BAD_REQUEST", message, field ? { [field]: [message] } : undefined);
}

export function conflict(message: string): AppError {
  return new AppError("CONFLICT", message);
}
