import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

// The development catcher's mail store (scripts/lib/mail-catcher.ts writes it, /dev/mail reads it):
// one JSON file per message under .data/mail/, named by its Message-ID, so a message sent again
// after a crash between sending and marking (server/mail/outbox.ts) is kept once, as receivers do.

export type CaughtMail = {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  /** When the message says it was written (its Date header), ISO. */
  date: string;
  receivedAt: string;
  text: string;
  html: string | null;
  /** The headers a reader checks: List-Unsubscribe and List-Unsubscribe-Post. */
  headers: Record<string, string>;
  /** Every http(s) link of the text, in order. */
  links: string[];
};

/** Where `npm run dev` keeps caught mail (MAIL_CATCHER_DIR, else .data/mail under the app's directory). */
export function caughtMailDir(): string {
  return process.env.MAIL_CATCHER_DIR || path.join(process.cwd(), ".data", "mail");
}

function fileFor(dir: string, messageId: string): string {
  return path.join(dir, `${createHash("sha256").update(messageId.trim().toLowerCase()).digest("hex").slice(0, 32)}.json`);
}

/** Stores a message unless one with its Message-ID is stored already; true when it was new. */
export async function storeCaughtMail(dir: string, mail: CaughtMail): Promise<boolean> {
  await mkdir(dir, { recursive: true });
  try {
    // "wx": create only, atomically; a repeat of the Message-ID is dropped.
    await writeFile(fileFor(dir, mail.messageId), `${JSON.stringify(mail, null, 2)}\n`, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** Caught mail, newest first. */
export async function listCaughtMail(dir: string, limit = 200): Promise<CaughtMail[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const mails = await Promise.all(
    names
      .filter((n) => n.endsWith(".json"))
      .map(async (n) => {
        try {
          return JSON.parse(await readFile(path.join(dir, n), "utf8")) as CaughtMail;
        } catch {
          return null;
        }
      }),
  );
  return mails
    .filter((m): m is CaughtMail => m !== null)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
    .slice(0, limit);
}

export function linksOf(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0]);
}
