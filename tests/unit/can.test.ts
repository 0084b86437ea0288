import { describe, expect, it } from "vitest";
import type { MemberRole } from "@/prisma/generated/client";
import { COMMENT_EDIT_WINDOW_MS } from "@/lib/schemas/comments";
import { can, requireComment, requireConvenor, requireDelegateParty } from "@/server/access/can";
import type { Viewer } from "@/server/access/viewer";
import { AppError } from "@/server/errors";

const SERIES = "series-1";
const PARTY = "party-jp";
const OTHER_PARTY = "party-us";
const ME = "user-me";

type Who = "convenor" | "delegate" | "otherDelegate" | "scholar" | "observer" | "outsider";
const WHO: Who[] = ["convenor", "delegate", "otherDelegate", "scholar", "observer", "outsider"];

function viewer(who: Who): Viewer {
  const membership = (role: MemberRole, partyId: string | null = null) => [{ membershipId: `m-${who}`, seriesId: SERIES, role, partyId }];
  const memberships = {
    convenor: membership("CONVENOR"),
    delegate: membership("DELEGATE", PARTY),
    otherDelegate: membership("DELEGATE", OTHER_PARTY),
    scholar: membership("SCHOLAR"),
    observer: membership("OBSERVER"),
    outsider: [],
  }[who];
  return { userId: ME, email: `${who}@example.test`, name: who, isAdmin: false, memberships };
}

const partyPaper = { seriesId: SERIES, partyId: PARTY, authorId: "someone-else" };
const myScholarPaper = { seriesId: SERIES, partyId: null, authorId: ME };
const stance = { seriesId: SERIES, partyId: PARTY };

// One row a predicate: what each role may do. Y = yes, "-" = no.
const TABLE: [string, (v: Viewer) => boolean, string][] = [
  //                                                                         conv deleg other schol obs  outs
  ["manageSessions", (v) => can.manageSessions(v, SERIES),                  "Y    -     -     -     -    -"],
  ["manageAgenda", (v) => can.manageAgenda(v, SERIES),                      "Y    -     -     -     -    -"],
  ["editIssue", (v) => can.editIssue(v, SERIES),                            "Y    -     -     -     -    -"],
  ["manageSeal", (v) => can.manageSeal(v, SERIES),                          "Y    -     -     -     -    -"],
  ["editMinutes", (v) => can.editMinutes(v, SERIES),                        "Y    -     -     -     -    -"],
  ["releaseMinutes", (v) => can.releaseMinutes(v, SERIES),                  "Y    -     -     -     -    -"],
  ["manageMembers", (v) => can.manageMembers(v, SERIES),                    "Y    -     -     -     -    -"],
  ["changeRole to CONVENOR", (v) => can.changeRole(v, SERIES, "CONVENOR"),  "Y    -     -     -     -    -"],
  ["changeRole to OBSERVER", (v) => can.changeRole(v, SERIES, "OBSERVER"),  "Y    -     -     -     -    -"],
  ["readAudit", (v) => can.readAudit(v, SERIES),                            "Y    -     -     -     -    -"],
  ["resolveComment", (v) => can.resolveComment(v, SERIES),                  "Y    -     -     -     -    -"],
  ["writePaper", (v) => can.writePaper(v, SERIES),                          "-    Y     Y     Y     -    -"],
  ["editPaper (a party's)", (v) => can.editPaper(v, partyPaper),            "-    Y     -     -     -    -"],
  ["editPaper (my scholar paper)", (v) => can.editPaper(v, myScholarPaper), "Y    Y     Y     Y     Y    -"],
  ["releasePaper (a party's)", (v) => can.releasePaper(v, partyPaper),      "-    Y     -     -     -    -"],
  ["createStance", (v) => can.createStance(v, SERIES),                      "-    Y     Y     -     -    -"],
  ["editStance", (v) => can.editStance(v, stance),                          "-    Y     -     -     -    -"],
  ["submitSealed", (v) => can.submitSealed(v, SERIES),                      "-    Y     Y     -     -    -"],
  ["assess", (v) => can.assess(v, SERIES),                                  "-    -     -     Y     -    -"],
  ["comment", (v) => can.comment(v, SERIES),                                "Y    Y     Y     Y     -    -"],
];

describe("can: a table per role and predicate", () => {
  for (const [name, predicate, row] of TABLE) {
    it(name, () => {
      const expected = row.split(/\s+/).map((c) => c === "Y");
      expect(WHO.map((who) => predicate(viewer(who)))).toEqual(expected);
    });
  }
});

describe("can: comments of one's own", () => {
  const now = Date.now();
  const mine = { authorId: ME, withdrawnAt: null, createdAt: new Date(now - 60_000) };
  it("the author edits within the window, not after, and never a withdrawn comment", () => {
    const v = viewer("delegate");
    expect(can.editComment(v, mine, now)).toBe(true);
    expect(can.editComment(v, { ...mine, createdAt: new Date(now - COMMENT_EDIT_WINDOW_MS - 1) }, now)).toBe(false);
    expect(can.editComment(v, { ...mine, withdrawnAt: new Date(now) }, now)).toBe(false);
    expect(can.editComment(v, { ...mine, authorId: "someone-else" }, now)).toBe(false);
  });
  it("the author withdraws once; nobody else does", () => {
    const v = viewer("delegate");
    expect(can.withdrawComment(v, mine)).toBe(true);
    expect(can.withdrawComment(v, { ...mine, withdrawnAt: new Date(now) })).toBe(false);
    expect(can.withdrawComment(viewer("convenor"), { ...mine, authorId: "someone-else" })).toBe(false);
  });
});

describe("require forms: NOT_FOUND for non-members, FORBIDDEN for members who may only read", () => {
  const codeOf = (f: () => unknown) => {
    try {
      f();
      return "OK";
    } catch (e) {
      return e instanceof AppError ? e.code : "other";
    }
  };
  const cases: [string, (v: Viewer) => unknown, Record<Who, string>][] = [
    ["requireConvenor", (v) => requireConvenor(v, SERIES), { convenor: "OK", delegate: "FORBIDDEN", otherDelegate: "FORBIDDEN", scholar: "FORBIDDEN", observer: "FORBIDDEN", outsider: "NOT_FOUND" }],
    ["requireDelegateParty", (v) => requireDelegateParty(v, SERIES), { convenor: "FORBIDDEN", delegate: "OK", otherDelegate: "OK", scholar: "FORBIDDEN", observer: "FORBIDDEN", outsider: "NOT_FOUND" }],
    ["requireComment", (v) => requireComment(v, SERIES), { convenor: "OK", delegate: "OK", otherDelegate: "OK", scholar: "OK", observer: "FORBIDDEN", outsider: "NOT_FOUND" }],
  ];
  for (const [name, call, expected] of cases) {
    it(name, () => {
      expect(Object.fromEntries(WHO.map((who) => [who, codeOf(() => call(viewer(who)))]))).toEqual(expected);
    });
  }
  it("requireDelegateParty answers the delegate's own party", () => {
    expect(requireDelegateParty(viewer("delegate"), SERIES)).toBe(PARTY);
  });
});
