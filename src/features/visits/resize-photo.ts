// Browser-only: shrinks a camera photo before upload, so a report goes through on a weak
// connection and stays under MAX_PHOTO_BYTES. Re-encoding to JPEG also drops EXIF metadata
// (camera GPS, device). The server still checks the result (src/lib/image-signature.ts).

const UNREADABLE = "File bukan gambar yang dapat dibaca.";
const QUALITIES = [0.82, 0.74, 0.66, 0.58, 0.5];
/** When quality 0.5 is still too big (rare), shrink the picture further and try again. */
const SHRINK_STEPS = [1, 0.75, 0.5];

type Decoded = { image: CanvasImageSource; width: number; height: number; release: () => void };
type Context2D = CanvasDrawImage & CanvasRect & CanvasFillStrokeStyles & CanvasImageSmoothing;
type Surface = { ctx: Context2D; encode: (quality: number) => Promise<Blob | null>; release: () => void };

function decodeWithImg(file: Blob): Promise<Decoded> {
  const url = URL.createObjectURL(file);
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () =>
      resolve({
        image: img,
        width: img.naturalWidth,
        height: img.naturalHeight,
        release: () => URL.revokeObjectURL(url),
      });
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error(UNREADABLE));
    };
    img.src = url;
  });
}

/** Decodes with EXIF orientation applied (modern <img> applies it by default too). */
async function decode(file: Blob): Promise<Decoded> {
  if (typeof createImageBitmap === "function") {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
      return { image: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
    } catch {
      // Older engines may reject the options or the format; an <img> may still read it.
    }
  }
  if (typeof document === "undefined") throw new Error(UNREADABLE);
  return decodeWithImg(file);
}

function createSurface(width: number, height: number): Surface | null {
  if (typeof OffscreenCanvas !== "undefined") {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext("2d");
    if (ctx)
      return {
        ctx,
        encode: (quality) => canvas.convertToBlob({ type: "image/jpeg", quality }).catch(() => null),
        release: () => {
          canvas.width = 0;
          canvas.height = 0;
        },
      };
  }
  if (typeof document === "undefined") return null;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  return {
    ctx,
    encode: (quality) => new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", quality)),
    // Frees the bitmap memory at once (matters on low-RAM phones and iOS Safari).
    release: () => {
      canvas.width = 0;
      canvas.height = 0;
    },
  };
}

/**
 * A JPEG of the photo with its longest side ≤ maxSide and size ≤ maxBytes. Throws an Error with
 * an Indonesian message (for the form) when the file cannot be read as an image.
 */
export async function resizePhoto(
  file: File,
  { maxSide = 1600, maxBytes = 900_000 }: { maxSide?: number; maxBytes?: number } = {},
): Promise<Blob> {
  if (typeof createImageBitmap !== "function" && typeof document === "undefined")
    throw new Error("resizePhoto() runs in the browser only.");
  const source = await decode(file);
  try {
    if (!source.width || !source.height) throw new Error(UNREADABLE);
    const fit = Math.min(1, maxSide / Math.max(source.width, source.height));
    for (const shrink of SHRINK_STEPS) {
      const width = Math.max(1, Math.round(source.width * fit * shrink));
      const height = Math.max(1, Math.round(source.height * fit * shrink));
      const surface = createSurface(width, height);
      if (!surface) throw new Error("Foto tidak dapat diproses di perangkat ini. Kirim laporan tanpa foto.");
      try {
        const { ctx } = surface;
        ctx.fillStyle = "#ffffff"; // transparent PNG/WebP areas become white, not black
        ctx.fillRect(0, 0, width, height);
        ctx.imageSmoothingEnabled = true;
        ctx.imageSmoothingQuality = "high";
        ctx.drawImage(source.image, 0, 0, width, height);
        for (const quality of QUALITIES) {
          const blob = await surface.encode(quality);
          if (!blob) throw new Error("Foto tidak dapat diperkecil. Coba pilih foto lain.");
          if (blob.size <= maxBytes) return blob;
        }
      } finally {
        surface.release();
      }
    }
    throw new Error("Foto terlalu besar meskipun sudah diperkecil. Coba pilih foto lain.");
  } finally {
    source.release();
  }
}
