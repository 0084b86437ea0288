import { describe, expect, it } from "vitest";
import type { Viewer } from "@/server/access";
import { visibilityClass } from "@/server/services/tracker/cache";

const viewer = (memberships: Viewer["memberships"]): Viewer => ({ userId: "u", email: "u@x", name: "U", isAdmin: false, memberships });
const m = (seriesId: string, role: Viewer["memberships"][number]["role"], partyId: string | null = null) => ({ membershipId: `${seriesId}${role}`, seriesId, role, partyId });

describe("tracker cache visibility class", () => {
  it("shares figures only between viewers every access fragment treats alike in the series", () => {
    expect(visibilityClass(viewer([m("s", "DELEGATE", "JP")]), "s")).toBe("DELEGATE:JP");
    expect(visibilityClass(viewer([m("s", "DELEGATE", "KR")]), "s")).not.toBe(visibilityClass(viewer([m("s", "DELEGATE", "JP")]), "s"));
    expect(visibilityClass(viewer([m("s", "CONVENOR")]), "s")).not.toBe(visibilityClass(viewer([m("s", "OBSERVER")]), "s"));
    // Memberships elsewhere do not matter: every fragment is narrowed to the series.
    expect(visibilityClass(viewer([m("s", "OBSERVER"), m("t", "DELEGATE", "US")]), "s")).toBe(visibilityClass(viewer([m("s", "OBSERVER")]), "s"));
  });

  it("never shares a scholar's or a non-member's figures", () => {
    expect(visibilityClass(viewer([m("s", "SCHOLAR")]), "s")).toBeNull();
    expect(visibilityClass(viewer([m("t", "CONVENOR")]), "s")).toBeNull();
  });
});
