import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { localDateHour, messageIdFor } from "@/server/mail/outbox";
import { groupBySeries, renderEmail, type EmailEntry, type EmailInput } from "@/server/mail/render";
import { addressDomain, mailSettings } from "@/server/mail/settings";
import { describeSmtpError, isPermanentSmtpError } from "@/server/mail/transport";
import { maskAddress, signUnsubscribeToken, verifyUnsubscribeToken } from "@/server/mail/unsubscribe";

const SECRET = "0123456789abcdef0123456789abcdef-unit";
const base = { DATABASE_URL: "postgresql://trilogue@127.0.0.1:5432/trilogue", NEXTAUTH_SECRET: SECRET };

const entry = (over: Partial<EmailEntry> = {}): EmailEntry => ({
  kind: "RELEASE",
  headline: "Released to you: Extended deterrence <options> & limits",
  seriesShortName: "EDD",
  marking: "EDD · GOVERNMENTS",
  url: "https://trilogue.example.org/papers/p1",
  ...over,
});

const input = (over: Partial<EmailInput> = {}): EmailInput => ({
  entries: [entry()],
  unsubscribe: [{ kind: "RELEASE", url: "https://trilogue.example.org/unsubscribe?token=a.b" }],
  unsubscribeAll: "https://trilogue.example.org/unsubscribe?token=a.b",
  oneClickUrl: "https://trilogue.example.org/api/unsubscribe?token=a.b",
  settingsUrl: "https://trilogue.example.org/account",
  ...over,
});

describe("renderEmail", () => {
  it("an immediate email: headline as subject with the series, the marking, the link, the unsubscribe link and headers", () => {
    const email = renderEmail(input());
    expect(email.subject).toBe("[EDD] Released to you: Extended deterrence <options> & limits");
    expect(email.text).toContain("Series: EDD");
    expect(email.text).toContain("Marking: EDD · GOVERNMENTS");
    expect(email.text).toContain("Open: https://trilogue.example.org/papers/p1");
    expect(email.text).toContain("https://trilogue.example.org/unsubscribe?token=a.b");
    expect(email.headers["List-Unsubscribe"]).toBe("<https://trilogue.example.org/api/unsubscribe?token=a.b>");
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    // HTML escapes what titles hold.
    expect(email.html).toContain("Extended deterrence &lt;options&gt; &amp; limits");
    expect(email.html).not.toContain("<options>");
  });

  it("leaves out the marking line when the object has none, and keeps the subject on one line", () => {
    const email = renderEmail(input({ entries: [entry({ marking: null, headline: "Agenda item changed:\nLine two" })] }));
    expect(email.text).not.toContain("Marking:");
    expect(email.subject).toBe("[EDD] Agenda item changed: Line two");
  });

  it("a digest groups its entries by series, in first-seen order, with a stop link per kind and one for the digest", () => {
    const entries = [
      entry({ seriesShortName: "EDD", headline: "A" }),
      entry({ seriesShortName: "TRI", headline: "B", marking: "TRI · ALL PARTICIPANTS · CHATHAM HOUSE" }),
      entry({ seriesShortName: "EDD", headline: "C", kind: "AGENDA", marking: null }),
    ];
    expect(groupBySeries(entries).map(([s, e]) => [s, e.map((x) => x.headline)])).toEqual([
      ["EDD", ["A", "C"]],
      ["TRI", ["B"]],
    ]);
    const email = renderEmail(
      input({
        entries,
        digestDate: "2027-01-11",
        unsubscribe: [
          { kind: "RELEASE", url: "https://x/unsubscribe?token=r" },
          { kind: "AGENDA", url: "https://x/unsubscribe?token=g" },
        ],
        unsubscribeAll: "https://x/unsubscribe?token=all",
      }),
    );
    expect(email.subject).toBe("Trilogue daily digest, 2027-01-11: 3 notifications");
    const edd = email.text.indexOf("== EDD ==");
    const tri = email.text.indexOf("== TRI ==");
    expect(edd).toBeGreaterThanOrEqual(0);
    expect(tri).toBeGreaterThan(edd);
    expect(email.text.slice(edd, tri)).toMatch(/- A[\s\S]*- C/);
    expect(email.text.slice(tri)).toContain("TRI · ALL PARTICIPANTS · CHATHAM HOUSE");
    expect(email.text).toContain("token=r");
    expect(email.text).toContain("token=g");
    expect(email.text).toContain("Stop this daily digest: https://x/unsubscribe?token=all");
  });

  it("prints only what it is given: no field for a body exists, and nothing is added about people", () => {
    const email = renderEmail(input());
    const allowed = new Set(["kind", "headline", "seriesShortName", "marking", "url"]);
    expect(Object.keys(entry()).every((k) => allowed.has(k))).toBe(true);
    expect(email.text).not.toMatch(/Dear|Hello/);
  });

  it("refuses an email with nothing to tell", () => {
    expect(() => renderEmail(input({ entries: [] }))).toThrow();
  });
});

describe("unsubscribe tokens", () => {
  it("round-trips the person and the kinds", () => {
    const token = signUnsubscribeToken({ userId: "u1", kinds: ["RELEASE", "AGENDA", "RELEASE"] }, SECRET);
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual({ userId: "u1", kinds: ["AGENDA", "RELEASE"] });
  });

  it("refuses a forged, altered, truncated or foreign token", () => {
    const token = signUnsubscribeToken({ userId: "u1", kinds: ["RELEASE"] }, SECRET);
    const [payload, signature] = token.split(".") as [string, string];
    const otherPayload = Buffer.from(JSON.stringify({ v: 1, u: "u2", k: ["RELEASE"] })).toString("base64url");
    expect(verifyUnsubscribeToken(`${otherPayload}.${signature}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(signUnsubscribeToken({ userId: "u1", kinds: ["RELEASE"] }, `${SECRET}-other`), SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${payload}.${signature.slice(0, -2)}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(payload, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}.x`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken("", SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(null, SECRET)).toBeNull();
    // A well-signed payload naming no known kind is refused too.
    const odd = Buffer.from(JSON.stringify({ v: 1, u: "u1", k: ["EVERYTHING"] })).toString("base64url");
    expect(verifyUnsubscribeToken(`${odd}.${signature}`, SECRET)).toBeNull();
  });

  it("masks the address the page names", () => {
    expect(maskAddress("jane.doe@example.org")).toBe("j…@example.org");
  });
});

describe("email settings", () => {
  it("email is off without SMTP_URL", () => {
    expect(parseEnv(base).SMTP_URL).toBeUndefined();
    expect(mailSettings(parseEnv(base))).toBeNull();
    expect(mailSettings(parseEnv({ ...base, SMTP_URL: "" }))).toBeNull();
  });

  it("accepts smtp:// and smtps:// with a sender and the app's URL; the digest hour defaults to 7", () => {
    const env = parseEnv({ ...base, SMTP_URL: "smtps://user:pw@smtp.example.org:465", MAIL_FROM: "Trilogue <t@example.org>", NEXTAUTH_URL: "https://t.example.org/" });
    expect(mailSettings(env)).toEqual({ smtpUrl: "smtps://user:pw@smtp.example.org:465", from: "Trilogue <t@example.org>", baseUrl: "https://t.example.org", digestHour: 7, secret: SECRET });
    expect(parseEnv({ ...base, SMTP_URL: "smtp://127.0.0.1:1025", MAIL_FROM: "t@example.org", NEXTAUTH_URL: "http://127.0.0.1:3000", MAIL_DIGEST_HOUR: "18" }).MAIL_DIGEST_HOUR).toBe(18);
  });

  it.each([
    [{ SMTP_URL: "http://smtp.example.org" }, /SMTP_URL.*smtp:\/\//],
    [{ SMTP_URL: "not a url" }, /SMTP_URL/],
    [{ SMTP_URL: "smtp://127.0.0.1:1025", NEXTAUTH_URL: "http://127.0.0.1:3000" }, /MAIL_FROM is required/],
    [{ SMTP_URL: "smtp://127.0.0.1:1025", MAIL_FROM: "t@example.org" }, /NEXTAUTH_URL is required/],
    [{ SMTP_URL: "smtp://127.0.0.1:1025", MAIL_FROM: "nobody", NEXTAUTH_URL: "http://127.0.0.1:3000" }, /MAIL_FROM must be an address/],
    [{ MAIL_DIGEST_HOUR: "24" }, /MAIL_DIGEST_HOUR/],
  ])("names the variable when %j", (extra, message) => {
    expect(() => parseEnv({ ...base, ...extra })).toThrow(message);
  });
});

describe("delivery details", () => {
  it("Message-IDs are the idempotency key at the sender's domain, valid as an id-left", () => {
    expect(addressDomain("Trilogue <trilogue@Mail.Example.org>")).toBe("mail.example.org");
    expect(messageIdFor("n:ckx1", "Trilogue <t@example.org>")).toBe("n.ckx1@example.org");
    expect(messageIdFor("digest:u1:2027-01-11", "t@example.org")).toBe("digest.u1.2027-01-11@example.org");
  });

  it("keeps no credential of SMTP_URL in lastError, and tells permanent refusals from temporary ones", () => {
    const error = Object.assign(new Error("Invalid login for user mailer with s3cret-pass"), { code: "EAUTH", responseCode: 535 });
    const kept = describeSmtpError(error, "smtps://mailer:s3cret-pass@smtp.example.org:465");
    expect(kept).toContain("EAUTH 535");
    expect(kept).not.toContain("s3cret-pass");
    expect(kept).not.toContain("mailer");
    expect(isPermanentSmtpError(error)).toBe(false);
    expect(isPermanentSmtpError({ code: "EENVELOPE", responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpError({ code: "EMESSAGE", responseCode: 451 })).toBe(false);
    expect(describeSmtpError(new Error("x".repeat(2_000)), "smtp://h").length).toBeLessThanOrEqual(500);
  });

  it("reads the local date and hour in a person's zone", () => {
    expect(localDateHour(new Date("2027-01-10T23:00:00Z"), "Asia/Tokyo")).toMatchObject({ date: "2027-01-11", hour: 8 });
    expect(localDateHour(new Date("2027-01-10T23:00:00Z"), "UTC")).toMatchObject({ date: "2027-01-10", hour: 23 });
    expect(localDateHour(new Date("2027-01-11T04:30:00Z"), "America/New_York")).toMatchObject({ date: "2027-01-10", hour: 23 });
  });
});
