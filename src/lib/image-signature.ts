import { MAX_PHOTO_BYTES } from "@/schemas/visit";

// What a photo really is, judged by its first bytes (magic numbers), never by its file name or the
// type the browser claims. Pure and universal: the form checks before upload, the server before
// storing, and the stored type is what the photo is served as.

export const PHOTO_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoMimeType = (typeof PHOTO_MIME_TYPES)[number];

/** File extension per type, for Content-Disposition file names. */
export const PHOTO_EXTENSIONS: Record<PhotoMimeType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46]; // "RIFF"
const WEBP = [0x57, 0x45, 0x42, 0x50]; // "WEBP"

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** The image type by magic bytes, or null when the bytes are not a JPEG, PNG or WebP. */
export function detectImageType(bytes: Uint8Array): PhotoMimeType | null {
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, PNG)) return "image/png";
  // RIFF container: "RIFF", 4-byte little-endian size, then the form type ("WEBP", "WAVE", "AVI "…).
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "image/webp";
  return null;
}

export type PhotoCheck = { ok: true; mimeType: PhotoMimeType } | { ok: false; message: string };

/** Whether the bytes may be stored as a visit photo; the message is for the user. */
export function checkPhoto(bytes: Uint8Array): PhotoCheck {
  if (bytes.length === 0) return { ok: false, message: "Foto kosong." };
  if (bytes.length > MAX_PHOTO_BYTES)
    return {
      ok: false,
      message: "Foto terlalu besar (maksimal 1 MB). Foto akan diperkecil otomatis; coba pilih ulang.",
    };
  const mimeType = detectImageType(bytes);
  if (!mimeType) return { ok: false, message: "Foto harus berformat JPEG, PNG, atau WebP." };
  return { ok: true, mimeType };
}
