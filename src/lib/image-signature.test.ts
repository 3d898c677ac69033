import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES } from "@/schemas/visit";
import { checkPhoto, detectImageType } from "./image-signature";

const fromBase64 = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));
const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

// Real tiny files (1×1 pixel).
const PNG_1X1 = fromBase64(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
);
const WEBP_1X1 = fromBase64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
const GIF_1X1 = fromBase64("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
// Start of a JFIF JPEG: SOI, APP0 "JFIF" segment, then end of image.
const JPEG_JFIF = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xd9,
]);
// A phone camera JPEG starts with an EXIF APP1 segment instead.
const JPEG_EXIF = concat([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x16], ascii("Exif\0\0MM\0*"), [0xff, 0xd9]);
const PDF_HEADER = concat(ascii("%PDF-1.7\n%"), [0xe2, 0xe3, 0xcf, 0xd3, 0x0a]);
const WAVE_HEADER = concat(ascii("RIFF"), [0x24, 0x08, 0x00, 0x00], ascii("WAVEfmt "), [0x10, 0, 0, 0]);

describe("detectImageType", () => {
  it.each([
    ["a JFIF JPEG", JPEG_JFIF, "image/jpeg"],
    ["an EXIF JPEG", JPEG_EXIF, "image/jpeg"],
    ["a PNG", PNG_1X1, "image/png"],
    ["a WebP", WEBP_1X1, "image/webp"],
  ])("recognises %s", (_, bytes, type) => {
    expect(detectImageType(bytes)).toBe(type);
  });

  it.each([
    ["a GIF", GIF_1X1],
    ["a PDF", PDF_HEADER],
    ["a WAVE file (RIFF but not WEBP)", WAVE_HEADER],
    ["an SVG", ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["nothing", new Uint8Array(0)],
  ])("rejects %s", (_, bytes) => {
    expect(detectImageType(bytes)).toBeNull();
  });

  it("ignores the file name and the claimed type: an HTML page renamed .jpg is not an image", async () => {
    const file = new File(["<!DOCTYPE html><script>alert(1)</script>"], "foto.jpg", { type: "image/jpeg" });
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(detectImageType(bytes)).toBeNull();
    expect(checkPhoto(bytes)).toEqual({ ok: false, message: "Foto harus berformat JPEG, PNG, atau WebP." });
  });

  it.each([
    ["JPEG cut after two bytes", JPEG_JFIF.slice(0, 2)],
    ["PNG cut after seven bytes", PNG_1X1.slice(0, 7)],
    ["RIFF alone", WEBP_1X1.slice(0, 4)],
    ["RIFF + size + WEB (11 bytes)", WEBP_1X1.slice(0, 11)],
  ])("rejects a truncated header: %s", (_, bytes) => {
    expect(detectImageType(bytes)).toBeNull();
  });

  it("accepts a truncated WebP once its 12-byte header is complete", () => {
    expect(detectImageType(WEBP_1X1.slice(0, 12))).toBe("image/webp");
  });

  it("requires the signature at the very start", () => {
    expect(detectImageType(concat([0x00], PNG_1X1))).toBeNull();
    expect(detectImageType(concat(ascii(" "), JPEG_JFIF))).toBeNull();
    // "WEBP" at offset 8 without a RIFF container.
    expect(detectImageType(concat(ascii("RIFX"), [0x1a, 0, 0, 0], ascii("WEBPVP8L")))).toBeNull();
  });

  it("reads a view into a larger buffer from the view's own start", () => {
    const buffer = concat(GIF_1X1, PNG_1X1);
    expect(detectImageType(buffer.subarray(GIF_1X1.length))).toBe("image/png");
    expect(detectImageType(buffer.subarray(0, GIF_1X1.length))).toBeNull();
  });
});

describe("checkPhoto", () => {
  it("accepts a small image and reports its sniffed type", () => {
    expect(checkPhoto(PNG_1X1)).toEqual({ ok: true, mimeType: "image/png" });
    expect(checkPhoto(WEBP_1X1)).toEqual({ ok: true, mimeType: "image/webp" });
    expect(checkPhoto(JPEG_EXIF)).toEqual({ ok: true, mimeType: "image/jpeg" });
  });

  it("rejects an empty file", () => {
    expect(checkPhoto(new Uint8Array(0))).toEqual({ ok: false, message: "Foto kosong." });
  });

  it("accepts exactly MAX_PHOTO_BYTES and rejects one byte more", () => {
    const atLimit = new Uint8Array(MAX_PHOTO_BYTES);
    atLimit.set(JPEG_JFIF);
    expect(checkPhoto(atLimit)).toEqual({ ok: true, mimeType: "image/jpeg" });
    const over = new Uint8Array(MAX_PHOTO_BYTES + 1);
    over.set(JPEG_JFIF);
    expect(checkPhoto(over)).toEqual({
      ok: false,
      message: "Foto terlalu besar (maksimal 1 MB). Foto akan diperkecil otomatis; coba pilih ulang.",
    });
  });

  it.each([
    ["a GIF", GIF_1X1],
    ["a PDF", PDF_HEADER],
    ["a WAVE file", WAVE_HEADER],
    ["a truncated JPEG header", JPEG_JFIF.slice(0, 2)],
  ])("rejects %s with the format message", (_, bytes) => {
    expect(checkPhoto(bytes)).toEqual({ ok: false, message: "Foto harus berformat JPEG, PNG, atau WebP." });
  });
});
