/**
 * The `limit` most recently active top-level comments (a reply makes its thread active again) with
 * their replies, in the thread's own order, and how many top-level comments were left out: a long
 * thread opens on what is being discussed now and ships the rest only when asked.
 */
export function latestThreads<T extends { id: string; parentId: string | null; createdAt: Date }>(rows: T[], limit: number) {
  const lastActive = new Map<string, number>();
  for (const r of rows) {
    const root = r.parentId ?? r.id;
    lastActive.set(root, Math.max(lastActive.get(root) ?? 0, r.createdAt.getTime()));
  }
  if (lastActive.size <= limit) return { shown: rows, earlier: 0 };
  const kept = new Set([...lastActive].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1)).slice(0, limit).map(([id]) => id));
  return { shown: rows.filter((r) => kept.has(r.parentId ?? r.id)), earlier: lastActive.size - limit };
}
