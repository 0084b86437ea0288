import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, markPeerHeaderSet, parseTrustedProxies, PEER_HEADER, requestClientAddress } from "@/server/client-address";
import { parseEnv } from "@/server/env";

const none = parseTrustedProxies("");
const lb = parseTrustedProxies("10.0.0.0/8, fd00::/8");

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", none)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", undefined, none)).toBe("203.0.113.7");
  });

  it("writes an IPv4-mapped IPv6 peer as IPv4", () => {
    expect(clientAddress("::ffff:203.0.113.7", undefined, none)).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress("203.0.113.7", "10.0.0.5, 198.51.100.1", lb)).toBe("203.0.113.7");
  });

  it("takes the right-most untrusted entry behind a trusted proxy", () => {
    // The client forged "1.2.3.4"; the load balancer appended the address it really saw.
    expect(clientAddress("10.0.0.2", "1.2.3.4, 198.51.100.9", lb)).toBe("198.51.100.9");
    expect(clientAddress("::ffff:10.0.0.2", "198.51.100.9", lb)).toBe("198.51.100.9");
  });

  it("steps over several trusted hops, across header lines", () => {
    expect(clientAddress("10.0.0.2", ["6.6.6.6, 198.51.100.9", "10.1.1.1"], lb)).toBe("198.51.100.9");
    expect(clientAddress("fd00::1", "2001:db8::5, fd00::2", lb)).toBe("2001:db8::5");
  });

  it("stops at an entry that is not an address and gives it as written", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.9, unknown", lb)).toBe("unknown");
  });

  it("takes the left-most hop when every hop is trusted, and strips ports", () => {
    expect(clientAddress("10.0.0.2", "10.0.0.9", lb)).toBe("10.0.0.9");
    expect(clientAddress("10.0.0.2", "198.51.100.9:5123", lb)).toBe("198.51.100.9");
    expect(clientAddress("10.0.0.2", "[2001:db8::5]:443", lb)).toBe("2001:db8::5");
  });

  it("is unknown without a peer", () => {
    expect(clientAddress(undefined, "198.51.100.9", lb)).toBe("unknown");
  });
});

describe("parseTrustedProxies and TRUSTED_PROXIES", () => {
  it("accepts ranges and single addresses", () => {
    expect(parseTrustedProxies("10.0.0.0/8 192.168.1.5,::1")).toHaveLength(3);
  });

  it("refuses what is not a range, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8,proxy.local")).toThrow(/proxy\.local/);
    expect(() => parseTrustedProxies("10.0.0.0/99")).toThrow(/10\.0\.0\.0\/99/);
  });

  it("is validated with the environment", () => {
    const base = { DATABASE_URL: "postgresql://t@127.0.0.1:5432/t", NEXTAUTH_SECRET: "0123456789abcdef0123456789abcdef" };
    expect(parseEnv(base).TRUSTED_PROXIES).toBe("");
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("requestClientAddress", () => {
  afterEach(() => {
    (globalThis as { trilogueServesPeer?: boolean }).trilogueServesPeer = undefined;
  });

  it("under next dev, takes X-Forwarded-For's right-most entry as the peer and ignores a sent peer header", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 127.0.0.1", [PEER_HEADER]: "7.7.7.7" });
    expect(requestClientAddress(headers, none)).toBe("127.0.0.1");
  });

  it("under our server, believes the peer header it sets", () => {
    markPeerHeaderSet();
    expect(requestClientAddress({ "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: "::ffff:127.0.0.1" }, none)).toBe("127.0.0.1");
  });
});
