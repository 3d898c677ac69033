import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { checkPhoto, detectImageType, type PhotoMimeType } from "@/lib/image-signature";
import type { Actor } from "@/lib/permissions";
import { AppError, assertUuid, notFound } from "./errors";
import { visitScope } from "./policy";
import { db } from "./db";

const photoSelect = {
  mimeType: true,
  sizeBytes: true,
  sha256: true,
  data: true,
} satisfies Prisma.VisitPhotoSelect;

export type VisitPhotoFile = {
  mimeType: PhotoMimeType;
  data: Uint8Array<ArrayBuffer>;
  sha256: string;
  sizeBytes: number;
};

/** The photo of one visit in the actor's scope; NOT_FOUND for a bad id, a visit out of scope or without photo. */
export async function getVisitPhoto(actor: Actor, visitId: string): Promise<VisitPhotoFile> {
  assertUuid(visitId);
  const row = await db.visitPhoto.findFirst({
    where: { visitId, visit: visitScope(actor) },
    select: photoSelect,
  });
  if (!row) throw notFound();
  // Defence in depth: only ever serve bytes that really are the image type they are labelled as.
  if (detectImageType(row.data) !== row.mimeType)
    throw new Error(`visit_photo ${visitId}: stored bytes do not match mime_type ${row.mimeType}`);
  return { ...row, mimeType: row.mimeType as PhotoMimeType };
}

export type PhotoRecord = {
  mimeType: PhotoMimeType;
  sizeBytes: number;
  sha256: string;
  data: Uint8Array<ArrayBuffer>;
};

/**
 * Uploaded bytes → the columns of a visit_photo row (without visitId), after checkPhoto. Throws
 * INVALID_INPUT with the Indonesian message on `photo` for an empty, oversized or non-image file.
 * The bytes are copied first, so what is hashed is exactly what is stored.
 */
export function photoRecordFrom(bytes: Uint8Array): PhotoRecord {
  const data = new Uint8Array(bytes);
  const check = checkPhoto(data);
  if (!check.ok) throw new AppError("INVALID_INPUT", check.message, { photo: [check.message] });
  return {
    mimeType: check.mimeType,
    sizeBytes: data.byteLength,
    sha256: createHash("sha256").update(data).digest("hex"),
    data,
  };
}
