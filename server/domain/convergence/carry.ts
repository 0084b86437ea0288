/**
 * Carried positions (DESIGN.md "Convergence"): at a session where a party recorded nothing on an
 * issue, its latest record from an earlier session of the series stands, marked as carried.
 * Pure: the caller passes only records the viewer may read (and, for the tracker, released ones).
 */
export interface PositionRecordRef {
  issueId: string;
  partyId: string;
  sessionId: string;
}

export interface CarriedPosition<R> {
  record: R;
  /** True when the record comes from an earlier session than the one asked about. */
  carried: boolean;
}

export function positionKey(issueId: string, partyId: string): string {
  return `${issueId}\u0000${partyId}`;
}

/**
 * For every (issue, party) with a record at `atSessionId` or before it: that record, else the one
 * of the latest earlier session. `sessionOrder` lists the series' session ids oldest first;
 * records of sessions not in it, or later than `atSessionId`, are ignored.
 */
export function carryForward<R extends PositionRecordRef>(
  records: readonly R[],
  sessionOrder: readonly string[],
  atSessionId: string,
): Map<string, CarriedPosition<R>> {
  const rank = new Map(sessionOrder.map((id, i) => [id, i] as const));
  const at = rank.get(atSessionId);
  const best = new Map<string, { record: R; rank: number }>();
  if (at === undefined) return new Map();
  for (const record of records) {
    const r = rank.get(record.sessionId);
    if (r === undefined || r > at) continue;
    const key = positionKey(record.issueId, record.partyId);
    const held = best.get(key);
    if (!held || r > held.rank) best.set(key, { record, rank: r });
  }
  return new Map([...best].map(([key, { record, rank: r }]) => [key, { record, carried: r !== at }]));
}
