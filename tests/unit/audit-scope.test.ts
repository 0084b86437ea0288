import { describe, expect, it } from "vitest";
import { auditScope } from "@/server/access/audit";

// What an audit event records about who could read its object at that moment.

describe("auditScope", () => {
  it("gives a paper or stance its release level, and a party-less draft to its author alone", () => {
    expect(auditScope({ kind: "paper", id: "p", sessionId: "s", partyId: "jp", releaseLevel: "PARTY" })).toMatchObject({
      objectType: "PositionPaper",
      audience: "PARTY",
      partyId: "jp",
      paperId: "p",
    });
    expect(auditScope({ kind: "paper", id: "p", sessionId: "s", partyId: null, releaseLevel: "PARTY" }).audience).toBe("ACTOR");
    expect(auditScope({ kind: "paper", id: "p", sessionId: "s", partyId: null, releaseLevel: "GOVERNMENTS" }).audience).toBe("GOVERNMENTS");
    expect(auditScope({ kind: "stance", id: "t", sessionId: "s", partyId: "kr", releaseLevel: "ALL_PARTICIPANTS" })).toMatchObject({
      objectType: "Stance",
      audience: "ALL_PARTICIPANTS",
      stanceId: "t",
    });
  });

  it("gives a comment the audience of what it is on", () => {
    const onDraft = auditScope({ kind: "comment", id: "c", on: { paper: { id: "p", sessionId: "s", partyId: "jp", releaseLevel: "PARTY" } } });
    expect(onDraft).toMatchObject({ objectType: "Comment", audience: "PARTY", partyId: "jp", paperId: "p", commentId: "c" });
    const onDraftAgenda = auditScope({ kind: "comment", id: "c", on: { agendaItem: { id: "i", sessionId: "s", agendaPublished: false } } });
    expect(onDraftAgenda.audience).toBe("CONVENORS");
    const onPublished = auditScope({ kind: "comment", id: "c", on: { agendaItem: { id: "i", sessionId: "s", agendaPublished: true } } });
    expect(onPublished).toMatchObject({ audience: "ALL_PARTICIPANTS", agendaItemId: "i" });
  });

  it("keeps draft agendas, unreleased minutes, invitations and deleted items with the convenors", () => {
    expect(auditScope({ kind: "agendaItem", id: "i", sessionId: "s", agendaPublished: false }).audience).toBe("CONVENORS");
    expect(auditScope({ kind: "agendaItem", id: "i", sessionId: "s", agendaPublished: true }).audience).toBe("ALL_PARTICIPANTS");
    expect(auditScope({ kind: "agendaItem", id: "i", sessionId: "s", agendaPublished: true, convenorsOnly: true }).audience).toBe("CONVENORS");
    expect(auditScope({ kind: "deletedAgendaItem", id: "i", sessionId: "s" })).toMatchObject({ audience: "CONVENORS", sessionId: "s" });
    expect(auditScope({ kind: "deletedAgendaItem", id: "i", sessionId: "s" }).agendaItemId).toBeUndefined();
    expect(auditScope({ kind: "minutes", id: "m", sessionId: "s", released: false }).audience).toBe("CONVENORS");
    expect(auditScope({ kind: "minutes", id: "m", sessionId: "s", released: true }).audience).toBe("GOVERNMENTS");
    expect(auditScope({ kind: "invitation", id: "v" }).audience).toBe("CONVENORS");
    expect(auditScope({ kind: "membership", id: "v" }).audience).toBe("CONVENORS");
  });

  it("gives assessments and an account's own settings to the actor, accounts and parties to admins", () => {
    expect(auditScope({ kind: "assessment", id: "a", sessionId: "s" }).audience).toBe("ACTOR");
    expect(auditScope({ kind: "ownAccount", id: "u" }).audience).toBe("ACTOR");
    expect(auditScope({ kind: "user", id: "u" }).audience).toBe("ADMINS");
    expect(auditScope({ kind: "party", id: "p" }).audience).toBe("ADMINS");
  });
});
