// Great-circle distance between two GPS points (WGS84 latitude/longitude in degrees), used to
// compare a visit report's GPS point with the family's registered location.

/** Mean Earth radius in metres (IUGG), the usual choice for the haversine formula. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

export type LatLng = { latitude: number; longitude: number };

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Haversine distance in metres, rounded to the metre. Accurate to ~0.5 % (the Earth is not a sphere). */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h))));
}

/**
 * Distance between a report's GPS point and the family's registered location, or null when either
 * is missing; `flagged` when it exceeds the programme's threshold (programme_settings.gps_flag_distance_meters).
 */
export function gpsCheck(
  visit: { latitude: number | null; longitude: number | null },
  home: { latitude: number | null; longitude: number | null },
  flagDistanceMeters: number,
): { distanceMeters: number | null; flagged: boolean } {
  if (
    visit.latitude === null ||
    visit.longitude === null ||
    home.latitude === null ||
    home.longitude === null
  )
    return { distanceMeters: null, flagged: false };
  const distanceMeters = haversineMeters(
    { latitude: visit.latitude, longitude: visit.longitude },
    { latitude: home.latitude, longitude: home.longitude },
  );
  return { distanceMeters, flagged: distanceMeters > flagDistanceMeters };
}

/** "850 m" or "12,3 km" (Indonesian decimal comma). */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${meters} m`;
  return `${(meters / 1000).toLocaleString("id-ID", { maximumFractionDigits: 1 })} km`;
}
