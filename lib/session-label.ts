/**
 * A session's short name for narrow places (heatmap columns, chart axes): the place after the last
 * comma ("Second round, Honolulu" → "Honolulu"), else the title itself, cut to a readable length.
 */
export function shortSessionName(title: string, max = 18): string {
  const comma = title.lastIndexOf(",");
  const tail = (comma >= 0 ? title.slice(comma + 1) : title).replace(/\s*\(.*\)\s*$/, "").trim() || title.trim();
  return tail.length > max ? `${tail.slice(0, max - 1).trimEnd()}…` : tail;
}
