import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { db } from "@/server/db";
import { listHouseholdVisits, listMyReports } from "@/server/visits";
import {
  actorFor,
  assign,
  createHousehold,
  createOpd,
  createUser,
  createVisit,
  resetDatabase,
} from "../support/factories";

// The distance between a report's GPS point and the family's registered location, flagged beyond
// programme_settings.gps_flag_distance_meters, on every history the roles already see.

const HOME = { latitude: -8.2192, longitude: 114.3691 };

let asn: Actor;
let admin: Actor;
let supervisor: Actor;

beforeAll(async () => {
  await resetDatabase();
  const opd = await createOpd();
  asn = actorFor(await createUser("ASN", { opdId: opd.id }));
  admin = actorFor(await createUser("ADMIN"));
  supervisor = actorFor(await createUser("SUPERVISOR", { opdId: opd.id }));
});

async function setFlagDistance(meters: number) {
  await db.programmeSettings.upsert({
    where: { id: 1 },
    create: { id: 1, gpsFlagDistanceMeters: meters },
    update: { gpsFlagDistanceMeters: meters },
  });
}

describe("visit GPS distance", () => {
  it("computes the distance to the registered location and flags it beyond the setting", async () => {
    await setFlagDistance(500);
    const h = await createHousehold({ ...HOME });
    await assign(h.id, asn.id);
    await createVisit(h.id, asn.id, "2026-W46", { latitude: -8.2232, longitude: 114.3691 }); // ~445 m
    await createVisit(h.id, asn.id, "2026-W47", { latitude: -8.2292, longitude: 114.3691 }); // ~1.1 km
    await createVisit(h.id, asn.id, "2026-W48"); // no GPS point

    for (const actor of [admin, supervisor, asn]) {
      const visits = await listHouseholdVisits(actor, h.id);
      expect(visits.map((v) => [v.periodKey, v.gpsDistanceMeters, v.gpsFlagged])).toEqual([
        ["2026-W48", null, false],
        ["2026-W47", 1112, true],
        ["2026-W46", 445, false],
      ]);
    }
    const mine = await listMyReports(asn, "2026-W47");
    expect(mine[0]).toMatchObject({ gpsDistanceMeters: 1112, gpsFlagged: true });
  });

  it("follows the programme setting and needs a registered location", async () => {
    await setFlagDistance(2000);
    const h = await createHousehold({ ...HOME });
    await assign(h.id, asn.id);
    await createVisit(h.id, asn.id, "2026-W47", { latitude: -8.2292, longitude: 114.3691 });
    expect((await listHouseholdVisits(admin, h.id))[0]).toMatchObject({
      gpsDistanceMeters: 1112,
      gpsFlagged: false,
    });

    const unlocated = await createHousehold({ latitude: null, longitude: null });
    await assign(unlocated.id, asn.id);
    await createVisit(unlocated.id, asn.id, "2026-W47", { latitude: -8.2292, longitude: 114.3691 });
    expect((await listHouseholdVisits(admin, unlocated.id))[0]).toMatchObject({
      gpsDistanceMeters: null,
      gpsFlagged: false,
    });
  });
});
