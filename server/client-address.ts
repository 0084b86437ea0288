import ipaddr from "ipaddr.js";

/**
 * The client's address, for the sign-in throttle, session records and logs (README "Client
 * addresses and TRUSTED_PROXIES").
 *
 * The TCP peer is the only address nobody can forge. `X-Forwarded-For` is a list anyone may send;
 * each proxy appends the address it received the request from. So: start at the peer, and while
 * the address in hand belongs to a trusted proxy, step one entry left in `X-Forwarded-For`. The
 * first address that is not a trusted proxy is the client: the right-most untrusted entry. With no
 * TRUSTED_PROXIES, that is always the peer, whatever the header says.
 */

/** The header our own HTTP server (scripts/lib/serve.ts) sets to the socket's peer, overwriting any sent. */
export const PEER_HEADER = "x-trilogue-peer";

export type TrustedProxies = readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];

function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let value = text.trim();
  // "[::1]:1234" and "1.2.3.4:5678" (some proxies add the port); a bare IPv6 has several colons.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1] ?? value;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (!ipaddr.isValid(value)) return null;
  // ipaddr.process turns an IPv4-mapped IPv6 (::ffff:10.0.0.1, as Node reports IPv4 peers on a
  // dual-stack socket) into plain IPv4, so one rule matches both spellings.
  return ipaddr.process(value);
}

/**
 * Parses TRUSTED_PROXIES: CIDR ranges or single addresses, separated by commas or spaces
 * ("10.0.0.0/8, 192.168.1.5, fd00::/8"). Throws naming the first entry that is neither.
 */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  const entries = (text ?? "").split(/[\s,]+/).filter(Boolean);
  return entries.map((entry) => {
    if (entry.includes("/")) {
      try {
        const [range, bits] = ipaddr.parseCIDR(entry);
        // "::ffff:10.0.0.0/104" names IPv4 addresses: match them as IPv4 /8.
        if (range.kind() === "ipv6" && (range as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
          return [(range as ipaddr.IPv6).toIPv4Address(), bits - 96] as [ipaddr.IPv4, number];
        }
        return [range, bits] as [ipaddr.IPv4 | ipaddr.IPv6, number];
      } catch {
        throw new Error(`"${entry}" is not a CIDR range (e.g. 10.0.0.0/8 or fd00::/8)`);
      }
    }
    const address = parseAddress(entry);
    if (!address) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    return [address, address.kind() === "ipv4" ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
  });
}

function isTrusted(address: ipaddr.IPv4 | ipaddr.IPv6, trusted: TrustedProxies): boolean {
  return trusted.some(([range, bits]) => address.kind() === range.kind() && address.match(range, bits));
}

function normalised(text: string): string {
  const address = parseAddress(text);
  return address ? address.toString() : text.trim();
}

/**
 * The client address from the socket's peer and the `X-Forwarded-For` values received (one string,
 * or several header lines), under TRUSTED_PROXIES. An entry that is not an address stops the walk
 * and is returned as written (trimmed): the trusted proxy to its right recorded it, so it is what
 * that proxy saw. An empty peer gives "unknown".
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | readonly string[] | undefined, trusted: TrustedProxies): string {
  if (!peer?.trim()) return "unknown";
  const peerAddress = parseAddress(peer);
  if (!peerAddress || !isTrusted(peerAddress, trusted)) return normalised(peer);
  const lines = typeof forwardedFor === "string" ? [forwardedFor] : (forwardedFor ?? []);
  const hops = lines.flatMap((line) => line.split(",")).map((hop) => hop.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    const address = parseAddress(hop);
    if (!address || !isTrusted(address, trusted)) return normalised(hop);
  }
  // Every hop is a trusted proxy (a request from inside): the left-most is the origin.
  return normalised(hops[0] ?? peer);
}

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  if (Array.isArray(value)) return value.join(",");
  return typeof value === "string" ? value : undefined;
}

const servesPeer = globalThis as unknown as { trilogueServesPeer?: boolean };

/** Called by our own HTTP server (scripts/lib/serve.ts), which sets PEER_HEADER on every request. */
export function markPeerHeaderSet(): void {
  servesPeer.trilogueServesPeer = true;
}

/**
 * The client address of a request inside Next (route handlers, tRPC, next-auth's authorize), whose
 * socket Next does not expose: our production server passes the peer in PEER_HEADER, overwriting
 * whatever a client sent. Under `next dev` (no such server, and a sent PEER_HEADER is not believed)
 * Next fills an absent X-Forwarded-For with the peer and keeps a sent one, so the dev server takes
 * that header's right-most entry as the peer: forgeable, good enough on a developer's own machine,
 * never the rule in production (README).
 */
export function requestClientAddress(headers: HeaderSource, trusted: TrustedProxies): string {
  const forwarded = header(headers, "x-forwarded-for");
  if (servesPeer.trilogueServesPeer) return clientAddress(header(headers, PEER_HEADER), forwarded, trusted);
  const hops = (forwarded ?? "").split(",");
  return clientAddress(hops.at(-1), hops.slice(0, -1).join(","), trusted);
}
