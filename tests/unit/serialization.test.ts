import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { shareImmutable, transformer } from "@/server/serialization";

describe("the tRPC transformer's serialise-once for shared values", () => {
  const fresh = () => ({
    sessions: [{ id: "s1", startsAt: new Date("2026-03-01T09:00:00Z") }],
    issues: [{ id: "i1", statuses: "CN", latest: { agreement: 0.5 } }],
  });

  it("serialises an ordinary value afresh every time, exactly as superjson does", () => {
    const value = fresh();
    const a = transformer.serialize(value);
    value.issues[0]!.statuses = "CW";
    const b = transformer.serialize(value);
    expect(a).toEqual(superjson.serialize(fresh()));
    expect((b.json as { issues: { statuses: string }[] }).issues[0]!.statuses).toBe("CW");
    expect(Object.isFrozen(value)).toBe(false);
  });

  it("serialises a shared value once, and the result round-trips to an equal value", () => {
    const value = shareImmutable(fresh());
    const a = transformer.serialize(value);
    expect(transformer.serialize(value)).toBe(a);
    expect(a).toEqual(superjson.serialize(fresh()));
    const back = transformer.deserialize(a) as ReturnType<typeof fresh>;
    expect(back).toEqual(fresh());
    expect(back.sessions[0]!.startsAt).toBeInstanceOf(Date);
  });

  it("freezes a shared value deeply, so it cannot drift from its serialised form", () => {
    const value = shareImmutable(fresh());
    transformer.serialize(value);
    expect(() => {
      (value.issues[0] as { statuses: string }).statuses = "WW";
    }).toThrow(TypeError);
    expect(() => (value.issues as unknown[]).push({})).toThrow(TypeError);
    expect(value.issues[0]!.statuses).toBe("CN");
    // The cached serialised form is frozen too: a caller cannot alter what the next response sends.
    const cached = transformer.serialize(value) as { json: { issues: { statuses: string }[] } };
    expect(() => {
      cached.json.issues[0]!.statuses = "WW";
    }).toThrow(TypeError);
  });

  it("never reuses one shared value's serialisation for another, even an equal one", () => {
    const a = shareImmutable(fresh());
    const b = shareImmutable({ ...fresh(), issues: [{ id: "i1", statuses: "WW", latest: { agreement: 0 } }] });
    const sa = transformer.serialize(a);
    const sb = transformer.serialize(b);
    expect(sb).not.toBe(sa);
    expect((sb.json as { issues: { statuses: string }[] }).issues[0]!.statuses).toBe("WW");
  });

  it("refuses to share a Map or a Set, which freezing cannot protect", () => {
    expect(() => shareImmutable({ byId: new Map([["a", 1]]) })).toThrow(/Maps and Sets/);
    expect(() => shareImmutable({ ids: new Set(["a"]) })).toThrow(/Maps and Sets/);
  });

  it("serialises an answer with shared parts at its top level exactly like superjson, reusing the parts", () => {
    const thread = shareImmutable({
      comments: [
        { id: "c1", createdAt: new Date(1), withdrawnAt: null, editedAt: undefined },
        { id: "c2", createdAt: new Date(2), withdrawnAt: new Date(3) },
      ],
      authors: { u1: { name: "A" } },
    });
    const answer = { thread, seenAt: new Date(4), mine: [{ id: "c1", until: new Date(5) }], none: undefined, big: 10n };
    const out = transformer.serialize(answer);
    // The same round trip as superjson's own walk of the whole answer.
    expect(superjson.deserialize(out)).toEqual(superjson.deserialize(superjson.serialize(answer)));
    expect(superjson.deserialize<typeof answer>(out).thread.comments[1]!.withdrawnAt).toEqual(new Date(3));
    expect(superjson.deserialize<typeof answer>(out).seenAt).toEqual(new Date(4));
    // The shared part's serialised JSON is the one cached for it, not a new walk.
    expect((out.json as { thread: unknown }).thread).toBe(transformer.serialize(thread).json);
    const again = transformer.serialize({ ...answer, seenAt: null });
    expect((again.json as { thread: unknown }).thread).toBe((out.json as { thread: unknown }).thread);
    expect(superjson.deserialize<typeof answer>(again).seenAt).toBeNull();
  });

  it("walks the whole answer when a shared part cannot be composed (a Date at its root)", () => {
    const answer = { when: shareImmutable(new Date(7)), n: 1 };
    expect(superjson.deserialize(transformer.serialize(answer))).toEqual({ when: new Date(7), n: 1 });
  });
});
