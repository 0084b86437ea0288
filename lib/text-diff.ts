import { diffLines, diffWordsWithSpace, type Change } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

function parts(changes: Change[]): DiffPart[] {
  return changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

/** Word-level difference from `before` to `after`, for an inline view. */
export function inlineDiff(before: string, after: string): DiffPart[] {
  return parts(diffWordsWithSpace(before, after));
}

export type SideBySideRow = { left: DiffPart | null; right: DiffPart | null };

/**
 * Line-level difference as rows of two columns: unchanged lines face each other, a removed run
 * faces the added run that replaced it, and a lone removal or addition faces a blank.
 */
export function sideBySideDiff(before: string, after: string): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  const changes = parts(diffLines(before, after));
  const lines = (p: DiffPart) => p.text.replace(/\n$/, "").split("\n");
  for (let i = 0; i < changes.length; i++) {
    const part = changes[i]!;
    if (part.kind === "same") {
      for (const text of lines(part)) rows.push({ left: { kind: "same", text }, right: { kind: "same", text } });
    } else if (part.kind === "removed") {
      const next = changes[i + 1];
      const removed = lines(part);
      const added = next?.kind === "added" ? lines(next) : [];
      if (next?.kind === "added") i++;
      for (let j = 0; j < Math.max(removed.length, added.length); j++) {
        rows.push({
          left: j < removed.length ? { kind: "removed", text: removed[j]! } : null,
          right: j < added.length ? { kind: "added", text: added[j]! } : null,
        });
      }
    } else {
      for (const text of lines(part)) rows.push({ left: null, right: { kind: "added", text } });
    }
  }
  return rows;
}

/** Counts of words added and removed, for a one-line summary of a revision. */
export function diffStats(before: string, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const c of diffWordsWithSpace(before, after)) {
    const words = c.value.split(/\s+/).filter(Boolean).length;
    if (c.added) added += words;
    else if (c.removed) removed += words;
  }
  return { added, removed };
}
