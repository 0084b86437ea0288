import { describe, expect, it } from "vitest";
import { databaseFailure, errorIdOf, logFailure } from "@/server/failures";
import { signInProblem, WRONG_CREDENTIALS } from "@/lib/sign-in-errors";

// Shapes as Prisma 7 with @prisma/adapter-pg reports them (copied from real failures).
const adapter = (cause: Record<string, unknown>, code = "P2010") =>
  Object.assign(new Error("Invalid `prisma.x()` invocation: raw text"), { code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("databaseFailure", () => {
  it.each([
    ["statement timeout", adapter({ kind: "postgres", code: "57014", originalCode: "57014" }), "busy"],
    ["lock timeout", adapter({ kind: "postgres", code: "55P03", originalCode: "55P03" }), "busy"],
    ["server unreachable", adapter({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5999 }, "P1001"), "unreachable"],
    ["too many clients", adapter({ kind: "postgres", code: "53300", originalCode: "53300" }), "unreachable"],
    ["admin shutdown (restart)", adapter({ kind: "postgres", code: "57P01", originalCode: "57P01" }), "unreachable"],
    ["pool timeout", Object.assign(new Error("x"), { cause: new Error("timeout exceeded when trying to connect") }), "unreachable"],
    ["interactive transaction timeout", Object.assign(new Error("Transaction API error"), { code: "P2028" }), "busy"],
  ])("classifies %s", (_name, error, expected) => {
    expect(databaseFailure(error)).toBe(expected);
  });

  it("leaves ordinary failures alone", () => {
    expect(databaseFailure(adapter({ kind: "postgres", code: "23505", originalCode: "23505" }, "P2002"))).toBeNull();
    expect(databaseFailure(new TypeError("x is undefined"))).toBeNull();
    expect(databaseFailure(null)).toBeNull();
  });

  it("gives one failure one id", () => {
    const e = new Error("x");
    expect(errorIdOf(e)).toBe(errorIdOf(e));
    expect(errorIdOf(e)).not.toBe(errorIdOf(new Error("x")));
  });
});

describe("signInProblem", () => {
  it("shows only our own words", () => {
    expect(signInProblem("unavailable:0a1b2c3d4e")).toEqual({ kind: "unavailable", errorId: "0a1b2c3d4e" });
    expect(signInProblem(WRONG_CREDENTIALS)).toEqual({ kind: "message", text: WRONG_CREDENTIALS });
    expect(signInProblem("Too many failed attempts. Try again in 3 minutes.")?.kind).toBe("message");
    expect(signInProblem("Your account is locked, call +1 555 0100")).toEqual({ kind: "generic" });
    expect(signInProblem("Invalid `prisma.user.findUnique()` invocation: Can't reach database server")).toEqual({ kind: "generic" });
    expect(signInProblem(undefined)).toBeNull();
  });
});

describe("logFailure", () => {
  it("keeps the database's words but never the arguments Prisma quotes", () => {
    const error = Object.assign(
      new Error("\nInvalid `tx.positionPaper.create()` invocation:\n\n{\n  data: {\n    title: \"JP draft: MRBM limits\"\n  }\n}\n\nDatabase error. Code: `57014`."),
      { name: "PrismaClientKnownRequestError", code: "P2010" },
    );
    const lines: string[] = [];
    const original = console.error;
    console.error = (line: unknown) => void lines.push(String(line));
    try {
      logFailure(error, "test");
    } finally {
      console.error = original;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Database error. Code: `57014`.");
    expect(lines[0]).not.toContain("MRBM");
  });
});
