import { describe, expect, it } from "vitest";
import { parseEnv, sessionModeUrl } from "@/server/env";

const valid = {
  DATABASE_URL: "postgresql://trilogue@127.0.0.1:5432/trilogue",
  NEXTAUTH_SECRET: "0123456789abcdef0123456789abcdef",
};

function messageOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to refuse this environment");
}

describe("parseEnv", () => {
  it("accepts a complete environment and fills the defaults", () => {
    expect(parseEnv(valid)).toMatchObject({ ...valid, NODE_ENV: "development", TRILOGUE_DEMO: "0" });
  });

  it("names NEXTAUTH_SECRET and says how to make one when it is missing", () => {
    const message = messageOf({ DATABASE_URL: valid.DATABASE_URL });
    expect(message).toMatch(/NEXTAUTH_SECRET/);
    expect(message).toMatch(/openssl rand/);
    expect(message).not.toMatch(/DATABASE_URL/);
  });

  it("names NEXTAUTH_SECRET when it is too short to be a secret", () => {
    expect(messageOf({ ...valid, NEXTAUTH_SECRET: "short" })).toMatch(/NEXTAUTH_SECRET.*32/);
  });

  it.each(["not a url", "mysql://root@127.0.0.1/trilogue", "127.0.0.1:5432/trilogue"])("names DATABASE_URL when it is %j", (url) => {
    const message = messageOf({ ...valid, DATABASE_URL: url });
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/postgresql:\/\//);
    expect(message).not.toMatch(/NEXTAUTH_SECRET/);
  });

  it("names DATABASE_URL when it is missing", () => {
    expect(messageOf({ NEXTAUTH_SECRET: valid.NEXTAUTH_SECRET })).toMatch(/DATABASE_URL/);
  });

  it("lists every bad variable at once", () => {
    const message = messageOf({ DATABASE_URL: "nope" });
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/NEXTAUTH_SECRET/);
  });

  it("gives each app server a pool of 10 connections unless DATABASE_POOL_SIZE says otherwise", () => {
    expect(parseEnv(valid).DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv({ ...valid, DATABASE_POOL_SIZE: "" }).DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv({ ...valid, DATABASE_POOL_SIZE: "4" }).DATABASE_POOL_SIZE).toBe(4);
    expect(parseEnv({ ...valid, DATABASE_POOL_SIZE: "200" }).DATABASE_POOL_SIZE).toBe(200);
  });

  it.each(["0", "-3", "2.5", "ten", "201"])("names DATABASE_POOL_SIZE when it is %j", (size) => {
    const message = messageOf({ ...valid, DATABASE_POOL_SIZE: size });
    expect(message).toMatch(/DATABASE_POOL_SIZE/);
    expect(message).not.toMatch(/DATABASE_URL|NEXTAUTH_SECRET/);
  });

  it("listens (and migrates) on DATABASE_URL unless DATABASE_LISTEN_URL names a session-mode connection", () => {
    expect(sessionModeUrl(parseEnv(valid))).toBe(valid.DATABASE_URL);
    expect(sessionModeUrl(parseEnv({ ...valid, DATABASE_LISTEN_URL: "" }))).toBe(valid.DATABASE_URL);
    const direct = "postgresql://trilogue@db.internal:5432/trilogue";
    const pooled = { ...valid, DATABASE_URL: "postgresql://trilogue@pgbouncer.internal:6432/trilogue", DATABASE_LISTEN_URL: direct };
    const parsed = parseEnv(pooled);
    expect(parsed.DATABASE_URL).toBe(pooled.DATABASE_URL);
    expect(sessionModeUrl(parsed)).toBe(direct);
  });

  it.each(["not a url", "mysql://root@127.0.0.1/trilogue"])("names DATABASE_LISTEN_URL when it is %j", (url) => {
    const message = messageOf({ ...valid, DATABASE_LISTEN_URL: url });
    expect(message).toMatch(/DATABASE_LISTEN_URL/);
    expect(message).toMatch(/postgresql:\/\//);
    expect(message).not.toMatch(/ DATABASE_URL|NEXTAUTH_SECRET/);
  });
  it("SESSION_IDLE_MINUTES defaults to 120 and is named when out of range", () => {
    expect(parseEnv(valid).SESSION_IDLE_MINUTES).toBe(120);
    expect(parseEnv({ ...valid, SESSION_IDLE_MINUTES: "30" }).SESSION_IDLE_MINUTES).toBe(30);
    expect(messageOf({ ...valid, SESSION_IDLE_MINUTES: "1000" })).toMatch(/SESSION_IDLE_MINUTES.*720/);
    expect(messageOf({ ...valid, SESSION_IDLE_MINUTES: "two hours" })).toMatch(/SESSION_IDLE_MINUTES/);
  });

  it("refuses a plain-http public URL in production, except on loopback", () => {
    expect(messageOf({ ...valid, NODE_ENV: "production", NEXTAUTH_URL: "http://trilogue.example.org" })).toMatch(/NEXTAUTH_URL.*https/);
    expect(parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_URL: "https://trilogue.example.org" }).NEXTAUTH_URL).toBe("https://trilogue.example.org");
    expect(parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3000" }).NODE_ENV).toBe("production");
    expect(parseEnv({ ...valid, NEXTAUTH_URL: "http://trilogue.example.org" }).NODE_ENV).toBe("development");
  });
});
