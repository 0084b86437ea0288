/** A figure in [0, 1] as shown: two decimals, or a whole percentage. */
export function formatFraction(value: number | null, style: "decimal" | "percent" = "decimal"): string {
  if (value === null) return "–";
  if (style === "percent") return new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 }).format(value);
  return value.toFixed(2);
}

/** Party id → code, for labels. */
export function partyCodes(parties: readonly { id: string; code: string }[]) {
  const byId = new Map(parties.map((p) => [p.id, p.code] as const));
  return (id: string) => byId.get(id) ?? "?";
}
