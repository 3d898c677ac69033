import type { MetadataRoute } from "next";

// The installable app for ASN in the field (docs/decisions/007). Served as /manifest.webmanifest.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "ASN Berbagi",
    short_name: "ASN Berbagi",
    description: "Keluarga asuhan, laporan kunjungan, dan tindak lanjut ASN Berbagi Kabupaten Banyuwangi.",
    lang: "id",
    dir: "ltr",
    start_url: "/asn",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#1f7a46",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
