import { describe, expect, it } from "vitest";
import { carryForward, positionKey } from "@/server/domain/convergence/carry";

const rec = (sessionId: string, partyId: string, issueId = "i1", position = 0) => ({ sessionId, partyId, issueId, position });

describe("carryForward", () => {
  const order = ["s1", "s2", "s3"];

  it("prefers the record at the session itself", () => {
    const got = carryForward([rec("s1", "US", "i1", 1), rec("s2", "US", "i1", 2)], order, "s2");
    expect(got.get(positionKey("i1", "US"))).toEqual({ record: rec("s2", "US", "i1", 2), carried: false });
  });

  it("carries the latest earlier record, never a later one", () => {
    const records = [rec("s1", "JP", "i1", -1), rec("s2", "JP", "i1", 0), rec("s3", "KR", "i1", 3)];
    const got = carryForward(records, order, "s3");
    expect(got.get(positionKey("i1", "JP"))).toEqual({ record: rec("s2", "JP", "i1", 0), carried: true });
    expect(got.get(positionKey("i1", "KR"))?.carried).toBe(false);
    expect(carryForward(records, order, "s1").has(positionKey("i1", "KR"))).toBe(false);
  });

  it("ignores sessions outside the order and unknown targets", () => {
    expect(carryForward([rec("elsewhere", "US")], order, "s3").size).toBe(0);
    expect(carryForward([rec("s1", "US")], order, "nope").size).toBe(0);
  });
});
