import { describe, expect, it } from "vitest";
import { clientIpFrom, throttleAddress } from "./client-ip";

describe("clientIpFrom", () => {
  it("trusts nothing unless TRUST_PROXY says how many proxies are in front", () => {
    expect(clientIpFrom({ "x-forwarded-for": "198.51.100.7" }, 0)).toBeNull();
  });

  it("takes the entry the trusted proxies added, not one the client forged", () => {
    const forged = { "x-forwarded-for": "10.9.9.9, 198.51.100.7" };
    expect(clientIpFrom(forged, 1)).toBe("198.51.100.7");
    const twoHops = { "x-forwarded-for": "10.9.9.9, 198.51.100.7, 203.0.113.250" };
    expect(clientIpFrom(twoHops, 2)).toBe("198.51.100.7");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "198.51.100.7" }), 1)).toBe("198.51.100.7");
  });

  it("uses the left-most entry when there are fewer entries than proxies, and null without any", () => {
    expect(clientIpFrom({ "x-forwarded-for": "198.51.100.7" }, 3)).toBe("198.51.100.7");
    expect(clientIpFrom({}, 1)).toBeNull();
    expect(clientIpFrom({ "x-forwarded-for": " , " }, 1)).toBeNull();
    expect(clientIpFrom({ "x-forwarded-for": "bukan-alamat" }, 1)).toBeNull();
  });
});

describe("throttleAddress", () => {
  it("keeps IPv4, strips ports and brackets, unwraps IPv4-mapped IPv6", () => {
    expect(throttleAddress("198.51.100.7")).toBe("198.51.100.7");
    expect(throttleAddress("198.51.100.7:51234")).toBe("198.51.100.7");
    expect(throttleAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(throttleAddress("::ffff:7f00:1")).toBe("127.0.0.1");
    expect(throttleAddress("[::ffff:198.51.100.7]:443")).toBe("198.51.100.7");
  });

  it("keys IPv6 by its /64, so one subscriber cannot rotate through addresses", () => {
    expect(throttleAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(throttleAddress("2001:DB8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(throttleAddress("[2001:db8::1]:8443")).toBe("2001:db8:0:0::/64");
    expect(throttleAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(throttleAddress("::1")).toBe("0:0:0:0::/64");
  });

  it("refuses anything that is not an address", () => {
    for (const junk of ["", "localhost", "999.1.1.1", "1.2.3", "2001:db8::g", "<script>"])
      expect(throttleAddress(junk)).toBeNull();
  });
});
