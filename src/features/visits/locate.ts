// The phone's GPS point for a visit report (optional). Loaded when the ASN asks for it, not with
// the form (docs/performance.md).

export type GpsPoint = { latitude: number; longitude: number; accuracyMeters: number | null };

/** The current position, rounded as the report stores it; rejects with an Indonesian message. */
export function currentPosition(): Promise<GpsPoint> {
  if (!("geolocation" in navigator)) return Promise.reject(new Error("Perangkat ini tidak mendukung GPS."));
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(
      (pos) =>
        resolve({
          latitude: Number(pos.coords.latitude.toFixed(6)),
          longitude: Number(pos.coords.longitude.toFixed(6)),
          accuracyMeters: Math.round(pos.coords.accuracy),
        }),
      () => reject(new Error("Lokasi tidak dapat diambil. Izinkan akses lokasi atau lewati bagian ini.")),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    ),
  );
}
