import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { MAX_PHOTO_BYTES } from "@/schemas/visit";
import { db } from "@/server/db";
import { getVisitPhoto, photoRecordFrom } from "@/server/photos";
import {
  actorFor,
  assign,
  createHousehold,
  createOpd,
  createUser,
  newIdempotencyKey,
  resetDatabase,
} from "../support/factories";

// A real 1×1 PNG (67 bytes) and a real 1×1 GIF (not an accepted format).
const PNG = new Uint8Array(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);
const GIF = new Uint8Array(
  Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64"),
);

/** A minimal visit (local helper: factories.ts has none yet), optionally with a photo. */
async function createVisit(householdId: string, asnId: string, periodKey: string, photo?: Uint8Array) {
  const visit = await db.visit.create({
    data: {
      householdId,
      asnId,
      periodKey,
      visitDate: new Date(),
      delivered: true,
      checklist: {},
      idempotencyKey: newIdempotencyKey(),
      photo: photo ? { create: photoRecordFrom(photo) } : undefined,
    },
  });
  return visit.id;
}

let admin: Actor;
let leader: Actor;
let asnA: Actor;
let asnB: Actor;
let supervisorOfA: Actor;
let supervisorOther: Actor;
let visitWithPhoto: string;
let visitWithoutPhoto: string;

beforeAll(async () => {
  await resetDatabase();
  const opdA = await createOpd();
  const opdB = await createOpd();
  admin = actorFor(await createUser("ADMIN"));
  leader = actorFor(await createUser("LEADER"));
  asnA = actorFor(await createUser("ASN", { opdId: opdA.id }));
  asnB = actorFor(await createUser("ASN", { opdId: opdB.id }));
  supervisorOfA = actorFor(await createUser("SUPERVISOR", { opdId: opdA.id }));
  supervisorOther = actorFor(await createUser("SUPERVISOR", { opdId: opdB.id }));
  const familyOfA = await createHousehold({ desaCode: "35.10.09.2001" });
  const familyOfB = await createHousehold({ desaCode: "35.10.05.2002" });
  await assign(familyOfA.id, asnA.id, admin.id);
  await assign(familyOfB.id, asnB.id, admin.id);
  visitWithPhoto = await createVisit(familyOfA.id, asnA.id, "2026-W48", PNG);
  visitWithoutPhoto = await createVisit(familyOfA.id, asnA.id, "2026-W49");
  await createVisit(familyOfB.id, asnB.id, "2026-W48", PNG);
});

describe("photoRecordFrom", () => {
  it("sniffs the type, sizes and hashes the bytes", () => {
    const record = photoRecordFrom(PNG);
    expect(record.mimeType).toBe("image/png");
    expect(record.sizeBytes).toBe(PNG.byteLength);
    expect(record.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));
    expect(Buffer.from(record.data).equals(Buffer.from(PNG))).toBe(true);
  });

  it("rejects a GIF with INVALID_INPUT and the Indonesian message on the photo field", () => {
    const message = "Foto harus berformat JPEG, PNG, atau WebP.";
    expect(() => photoRecordFrom(GIF)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", message, fieldErrors: { photo: [message] } }),
    );
  });

  it("rejects an oversized buffer, even with a valid PNG header", () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(PNG);
    const message = "Foto terlalu besar (maksimal 1 MB). Foto akan diperkecil otomatis; coba pilih ulang.";
    expect(() => photoRecordFrom(big)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", message, fieldErrors: { photo: [message] } }),
    );
  });

  it("rejects an empty file", () => {
    expect(() => photoRecordFrom(new Uint8Array(0))).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", message: "Foto kosong." }),
    );
  });
});

describe("getVisitPhoto", () => {
  it("gives the assigned ASN the exact stored bytes", async () => {
    const photo = await getVisitPhoto(asnA, visitWithPhoto);
    expect(photo.mimeType).toBe("image/png");
    expect(photo.sizeBytes).toBe(PNG.byteLength);
    expect(Buffer.from(photo.data).equals(Buffer.from(PNG))).toBe(true);
    expect(createHash("sha256").update(photo.data).digest("hex")).toBe(photo.sha256);
    expect(photo.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));
  });

  it("is NOT_FOUND for another ASN", async () => {
    await expect(getVisitPhoto(asnB, visitWithPhoto)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets the supervisor of the ASN's OPD see it, and no other supervisor", async () => {
    await expect(getVisitPhoto(supervisorOfA, visitWithPhoto)).resolves.toMatchObject({
      mimeType: "image/png",
    });
    await expect(getVisitPhoto(supervisorOther, visitWithPhoto)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never gives leaders a photo", async () => {
    await expect(getVisitPhoto(leader, visitWithPhoto)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives admins any photo", async () => {
    const photo = await getVisitPhoto(admin, visitWithPhoto);
    expect(Buffer.from(photo.data).equals(Buffer.from(PNG))).toBe(true);
  });

  it("is NOT_FOUND for a visit without photo, an unknown visit and a malformed id", async () => {
    await expect(getVisitPhoto(admin, visitWithoutPhoto)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVisitPhoto(asnA, visitWithoutPhoto)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVisitPhoto(admin, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getVisitPhoto(admin, "1 OR 1=1")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVisitPhoto(admin, "../../etc/passwd")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("follows the family: an ASN loses their own visit's photo once the assignment ends", async () => {
    const family = await createHousehold();
    const assignment = await assign(family.id, asnA.id, admin.id);
    const visitId = await createVisit(family.id, asnA.id, "2026-W48", PNG);
    await expect(getVisitPhoto(asnA, visitId)).resolves.toMatchObject({ mimeType: "image/png" });
    await db.assignment.update({ where: { id: assignment.id }, data: { endedAt: new Date() } });
    await expect(getVisitPhoto(asnA, visitId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The next ASN of the family sees the earlier visits' photos.
    await assign(family.id, asnB.id, admin.id);
    await expect(getVisitPhoto(asnB, visitId)).resolves.toMatchObject({ mimeType: "image/png" });
    await expect(getVisitPhoto(admin, visitId)).resolves.toMatchObject({ mimeType: "image/png" });
  });
});
