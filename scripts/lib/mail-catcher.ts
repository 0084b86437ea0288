import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import { linksOf, storeCaughtMail, type CaughtMail } from "@/server/mail/caught";

// A local SMTP catcher for development and tests (README "Email"): it accepts every message on
// 127.0.0.1 and keeps it under `dir` (server/mail/caught.ts: one JSON file per Message-ID, a
// repeat dropped), where /dev/mail shows it. Nothing leaves the machine. Tests can make it refuse
// the next messages with a temporary failure, as a relay does when it is busy.

export type MailCatcher = {
  port: number;
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  dir: string;
  /** Answers the next `count` messages with a temporary failure (451) instead of taking them. */
  refuseNext(count: number): void;
  /** Messages stored (not counting dropped repeats) since it started. */
  stored(): number;
  /** Messages received, repeats included, and refusals. */
  received(): number;
  close(): Promise<void>;
};

const addresses = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);

/** Starts a catcher on 127.0.0.1 (`port` 0: any free port). */
export async function startMailCatcher(options: { dir: string; port?: number; quiet?: boolean }): Promise<MailCatcher> {
  let refusals = 0;
  let stored = 0;
  let received = 0;
  const server = new SMTPServer({
    // Loopback only, plain SMTP: no TLS to set up, no authentication to ask for.
    secure: false,
    hideSTARTTLS: true,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "Trilogue development mail catcher",
    size: 10 * 1024 * 1024,
    logger: false,
    onData(stream, _session, callback) {
      received++;
      if (refusals > 0) {
        refusals--;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Try again later (refused by the test catcher)"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then(async (parsed) => {
          const text = parsed.text ?? "";
          const messageId = parsed.messageId ?? `<no-id-${Date.now()}-${received}@catcher>`;
          // Folded header lines unfolded; only the unsubscribe headers are kept for the page.
          const headers = Object.fromEntries(
            parsed.headerLines
              .filter((l) => l.key.startsWith("list-unsubscribe"))
              .map((l) => [l.key, l.line.slice(l.line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim()]),
          );
          const mail: CaughtMail = {
            messageId,
            from: addresses(parsed.from)[0] ?? "",
            to: addresses(parsed.to),
            subject: parsed.subject ?? "",
            date: (parsed.date ?? new Date()).toISOString(),
            receivedAt: new Date().toISOString(),
            text,
            html: typeof parsed.html === "string" ? parsed.html : null,
            headers,
            links: linksOf(text),
          };
          if (await storeCaughtMail(options.dir, mail)) stored++;
          else if (!options.quiet) console.log(`Mail catcher: dropped a repeat of ${messageId}`);
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    dir: options.dir,
    refuseNext(count) {
      refusals = count;
    },
    stored: () => stored,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
