import { describe, expect, it } from "vitest";
import { formatDistance, gpsCheck, haversineMeters } from "./geo-distance";

// Banyuwangi: Taman Blambangan and Pendopo Sabha Swagata are ~350 m apart; Genteng is ~33 km away.
const BLAMBANGAN = { latitude: -8.2192, longitude: 114.3691 };

describe("haversineMeters", () => {
  it("is zero for the same point and symmetric", () => {
    expect(haversineMeters(BLAMBANGAN, BLAMBANGAN)).toBe(0);
    const other = { latitude: -8.3, longitude: 114.2 };
    expect(haversineMeters(BLAMBANGAN, other)).toBe(haversineMeters(other, BLAMBANGAN));
  });

  it("gives 111.2 km for one degree of latitude and of longitude on the equator", () => {
    expect(haversineMeters({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBe(111_195);
    expect(haversineMeters({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBe(111_195);
  });

  it("shrinks longitude degrees with latitude (cos φ)", () => {
    const d = haversineMeters({ latitude: 60, longitude: 0 }, { latitude: 60, longitude: 1 });
    expect(d).toBeGreaterThan(55_500);
    expect(d).toBeLessThan(55_700);
  });

  it("measures short distances to the metre (about 0.001° of latitude is 111 m)", () => {
    expect(haversineMeters(BLAMBANGAN, { latitude: -8.2202, longitude: 114.3691 })).toBe(111);
  });

  it("handles antipodes without NaN", () => {
    expect(haversineMeters({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBe(20_015_114); // π × R;
  });
});

describe("gpsCheck", () => {
  const home = { latitude: -8.2192, longitude: 114.3691 };

  it("is null and unflagged when either point is missing", () => {
    expect(gpsCheck({ latitude: null, longitude: null }, home, 500)).toEqual({
      distanceMeters: null,
      flagged: false,
    });
    expect(gpsCheck(home, { latitude: null, longitude: 114 }, 500)).toEqual({
      distanceMeters: null,
      flagged: false,
    });
  });

  it("flags only beyond the threshold", () => {
    const near = { latitude: -8.2232, longitude: 114.3691 }; // ~445 m
    const far = { latitude: -8.2242, longitude: 114.3691 }; // ~556 m
    expect(gpsCheck(near, home, 500)).toEqual({ distanceMeters: 445, flagged: false });
    expect(gpsCheck(far, home, 500)).toEqual({ distanceMeters: 556, flagged: true });
    expect(gpsCheck(far, home, 556).flagged).toBe(false);
  });
});

describe("formatDistance", () => {
  it("uses metres below 1 km and km with a decimal comma above", () => {
    expect(formatDistance(850)).toBe("850 m");
    expect(formatDistance(12_345)).toBe("12,3 km");
  });
});
