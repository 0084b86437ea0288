import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, MESSAGE_FILES } from "@/lib/i18n/config";

const dir = path.join(import.meta.dirname, "../../lib/i18n/messages");

function keysOf(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("lists every catalogue file, and no two files claim the same top-level key", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(dir, locale)).map((f) => f.replace(/\.json$/, "")).sort();
      expect(files).toEqual([...MESSAGE_FILES].sort());
      const owners = new Map<string, string>();
      for (const file of MESSAGE_FILES) {
        const json = JSON.parse(readFileSync(path.join(dir, locale, `${file}.json`), "utf8")) as Record<string, unknown>;
        for (const key of Object.keys(json)) {
          expect(owners.get(key), `${key} is in both ${owners.get(key)} and ${file}`).toBeUndefined();
          owners.set(key, file);
        }
      }
    }
  });

  it("has no empty message", () => {
    for (const file of MESSAGE_FILES) {
      const json = JSON.parse(readFileSync(path.join(dir, "en", `${file}.json`), "utf8"));
      const empty = keysOf(json).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], json) === "");
      expect(empty).toEqual([]);
    }
  });
});
