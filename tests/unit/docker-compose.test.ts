import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema } from "@/server/env";

// The deployment's invariants (README "Deploying / Scale-out"), read from the files Docker reads.
// js-yaml ships no types of its own: only `load` is used.
const { load } = createRequire(import.meta.url)("js-yaml") as { load(text: string): unknown };

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

type Service = {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: unknown[];
  expose?: unknown[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  volumes?: string[];
  restart?: string;
  init?: boolean;
};

const compose = load(read("docker-compose.yml")) as { services: Record<string, Service> };
const { db, migrate, app, proxy } = compose.services as Record<"db" | "migrate" | "app" | "proxy", Service>;

/** Compose durations ("30s", "1m30s") in seconds. */
function seconds(duration: string): number {
  const parts = [...duration.matchAll(/(\d+)(h|m|s)/g)];
  expect(parts.map((p) => p[0]).join(""), `unparsed duration ${duration}`).toBe(duration);
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * { h: 3600, m: 60, s: 1 }[unit as "h" | "m" | "s"], 0);
}

describe("docker-compose.yml", () => {
  it("has the database, a one-shot migration, the app, a proxy and a mail catcher", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "db", "mailpit", "migrate", "proxy"]);
    expect(db?.image).toBe("postgres:17");
    expect(migrate?.command?.slice(0, 2)).toEqual(["sh", "-c"]);
    expect(migrate?.command?.[2]).toMatch(/^node --import tsx scripts\/db-migrate\.ts && /);
    expect(migrate?.restart).toBe("no");
  });

  it("lets the app scale: no fixed host port on app, only the proxy publishes one", () => {
    expect(app?.ports).toBeUndefined();
    expect(app?.expose).toEqual(["3000"]);
    expect(proxy?.ports).toHaveLength(1);
    expect(migrate?.ports).toBeUndefined();
    expect(db?.ports).toBeUndefined();
  });

  it("migrates before any app replica starts, and only once the database is healthy", () => {
    expect(migrate?.depends_on?.db?.condition).toBe("service_healthy");
    expect(app?.depends_on?.migrate?.condition).toBe("service_completed_successfully");
    expect(app?.depends_on?.db?.condition).toBe("service_healthy");
  });

  it("runs migrate and app from the one image the Dockerfile builds", () => {
    expect(app?.build).toBe(".");
    expect(migrate?.build).toBe(".");
    expect(migrate?.image).toBe(app?.image);
    expect(migrate?.environment?.DATABASE_URL).toBe(app?.environment?.DATABASE_URL);
  });

  it("puts the proxy, from a maintained image, in front of healthy app replicas with the repo's Caddyfile", () => {
    expect(proxy?.image).toMatch(/^caddy:2(\.\d+)*$/);
    expect(proxy?.depends_on?.app?.condition).toBe("service_healthy");
    expect(proxy?.volumes).toContain("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
  });

  it("sends the app's email to the Mailpit catcher unless SMTP_URL names a relay, with a valid sender", () => {
    const mailpit = compose.services.mailpit;
    expect(mailpit?.image).toMatch(/^axllent\/mailpit(:|$)/);
    expect(String(app?.environment?.SMTP_URL)).toBe("${SMTP_URL:-smtp://mailpit:1025}");
    const from = String(app?.environment?.MAIL_FROM).replace(/^\$\{MAIL_FROM:-(.*)\}$/, "$1");
    expect(() => envSchema.parse({ DATABASE_URL: "postgresql://u@db:5432/t", NEXTAUTH_SECRET: "x".repeat(32), NEXTAUTH_URL: "http://127.0.0.1:3000", SMTP_URL: "smtp://mailpit:1025", MAIL_FROM: from })).not.toThrow();
    // Its web interface on loopback only by default.
    expect(mailpit?.ports).toEqual(["${MAILPIT_BIND:-127.0.0.1}:${MAILPIT_PORT:-8025}:8025"]);
  });

  it("checks each replica's readiness", () => {
    expect(app?.healthcheck?.test.join(" ")).toContain("/api/health/ready");
  });

  it("gives a stopping replica longer than its drain and the launcher's margin before Docker kills it", () => {
    const drain = Number(app?.environment?.TRILOGUE_DRAIN_SECONDS ?? envSchema.shape.TRILOGUE_DRAIN_SECONDS.parse(undefined));
    expect(drain).toBeGreaterThan(0);
    // scripts/lib/launcher.ts waits the drain plus 5 s for the server before it kills it.
    expect(seconds(app?.stop_grace_period ?? "10s")).toBeGreaterThan(drain + 5);
    expect(app?.init).toBe(true);
  });

  it("passes the connection settings through and requires a real secret", () => {
    expect(app?.environment?.DATABASE_POOL_SIZE).toMatch(/^\$\{DATABASE_POOL_SIZE:-\d+\}$/);
    expect(app?.environment).toHaveProperty("DATABASE_LISTEN_URL");
    expect(app?.environment?.NEXTAUTH_SECRET).toMatch(/^\$\{NEXTAUTH_SECRET:\?/);
    expect(app?.environment?.HOST).toBe("0.0.0.0");
  });
});

describe("deploy/Caddyfile", () => {
  const caddyfile = read("deploy/Caddyfile");

  it("proxies to every replica of the app service, retrying a refused connection on another", () => {
    expect(caddyfile).toMatch(/dynamic a \{\s*name app\s*port 3000/);
    expect(caddyfile).toMatch(/^\s*lb_try_duration \S+/m);
    expect(caddyfile).toMatch(/^\s*fail_duration \S+/m);
    // Caddy runs no active health checks on dynamic upstreams: a health_uri there would do nothing.
    expect(caddyfile).not.toMatch(/^\s*health_uri\b/m);
  });

  it("streams: flushes at once, compresses nothing, and leaves quiet streams open", () => {
    expect(caddyfile).toMatch(/flush_interval -1/);
    expect(caddyfile).not.toMatch(/^\s*encode\b/m);
    expect(caddyfile).not.toMatch(/^\s*(request_buffers|response_buffers|buffer_requests|buffer_responses)\b/m);
    const readTimeout = caddyfile.match(/^\s*read_timeout (\S+)/m)?.[1];
    expect(readTimeout && seconds(readTimeout)).toBeGreaterThanOrEqual(3600);
    expect(caddyfile).not.toMatch(/^\s*write\s+\S+/m);
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  const runtime = dockerfile.slice(dockerfile.lastIndexOf("FROM "));

  it("runs the production start as an unprivileged user", () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^CMD \["node", "--import", "tsx", "scripts\/start\.ts"\]$/m);
    expect(runtime).toMatch(/NODE_ENV=production/);
  });

  it("has Chromium and CJK fonts for the briefing-book PDF", () => {
    expect(runtime).toMatch(/apt-get install[^\n]*\bchromium\b[^\n]*\bfonts-noto-cjk\b/);
  });
});
