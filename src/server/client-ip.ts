import "server-only";
import { isIP } from "node:net";

// The client address for per-IP sign-in throttling (docs/decisions/012).
//
// A route handler in Next.js never sees the socket. `next start` puts the socket's peer address in
// X-Forwarded-For only when the request has no such header, and keeps one the client sent: without
// a reverse proxy in front, the header says whatever the client wants. So the address is read only
// when TRUST_PROXY says how many reverse proxies in front append to (or set) the header; the
// client is then the entry that many places from the right. With TRUST_PROXY=0 there is no
// trustworthy address and the per-IP limit is off (the per-account limit still holds): trusting a
// forged header would let anyone lock out an office by sending its address.

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client address for throttling, or null when none can be trusted. IPv4 as dotted quad
 * (IPv4-mapped IPv6 included); IPv6 as its /64 prefix ("2001:db8:1:2::/64"), since one home or
 * phone gets a whole /64 and could otherwise rotate addresses within it.
 */
export function clientIpFrom(headers: HeaderBag, trustedProxies: number): string | null {
  if (trustedProxies < 1) return null;
  const entries = (headerValue(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const entry = entries[Math.max(entries.length - trustedProxies, 0)];
  return entry === undefined ? null : throttleAddress(entry);
}

/** Strips a port ("1.2.3.4:5678", "[2001:db8::1]:443") and brackets some proxies add. */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed?.[1]) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort?.[1] ?? entry;
}

/** Eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail becomes two groups). */
function ipv6Groups(address: string): number[] {
  let text = address.split("%")[0]!.toLowerCase();
  const v4Tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4Tail) {
    const [a, b, c, d] = v4Tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The address as the throttle keys it, or null when it is not an IP address. */
export function throttleAddress(entry: string): string | null {
  const address = withoutPort(entry);
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  const groups = ipv6Groups(address);
  const isV4Mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (isV4Mapped) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}
