// BPS "rumah layak huni" (domain-indonesia.md §4.1) over the Regsosek house answer codes
// (regsosek.ts, which re-exports this).

export type HouseAnswers = {
  floor: number;
  wall: number;
  roof: number;
  drinkingWater: number;
  sanitation: number;
  electricity: number;
  /** Q302 luas lantai, optional. */
  floorAreaM2?: number | null;
};

// BPS durable housing: roof beton/genteng/seng/kayu-sirap; wall tembok/plesteran/kayu/batang kayu;
// floor anything but bambu/tanah/lainnya. Improved water excludes unprotected wells and springs,
// surface water and "other". Improved sanitation here: a latrine of the family's own or shared
// with specific households (the checklist does not ask closet type and disposal).
const DURABLE_ROOF = new Set([1, 2, 3, 5]);
const DURABLE_WALL = new Set([1, 2, 3, 5]);
const DURABLE_FLOOR = new Set([1, 2, 3, 4, 5, 6]);
const IMPROVED_WATER = new Set([1, 2, 3, 4, 5, 7, 10, 12, 13]);
const IMPROVED_SANITATION = new Set([1, 2]);
/** BPS sufficient living space per person. */
export const MIN_FLOOR_AREA_PER_PERSON_M2 = 7.2;

/** BPS "rumah layak huni": all criteria hold (living space only when the floor area is known). */
export function isHouseLivable(house: HouseAnswers, residents: number): boolean {
  const durable =
    DURABLE_ROOF.has(house.roof) && DURABLE_WALL.has(house.wall) && DURABLE_FLOOR.has(house.floor);
  const spacious =
    house.floorAreaM2 == null ||
    residents <= 0 ||
    house.floorAreaM2 / residents >= MIN_FLOOR_AREA_PER_PERSON_M2;
  return (
    durable &&
    spacious &&
    IMPROVED_WATER.has(house.drinkingWater) &&
    IMPROVED_SANITATION.has(house.sanitation)
  );
}
