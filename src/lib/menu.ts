import { MONTH_NAMES_ID, parseDateOnly } from "./dates";
import { parsePeriodKey, periodRange } from "./period";

// Which item of the menu rotation a period gets (docs/decisions/003). A weekly period follows the
// week of the month, as the programme announces it ("minggu ke-2: ayam"): the week belongs to the
// month of its Thursday (the ISO rule), and its number is that Thursday's day of month / 7,
// rounded up (1-5). A monthly period uses the month number.

export type MenuRotationItem = {
  position: number;
  name: string;
  unit: string;
  defaultQuantity: number;
  defaultValueRupiah: number;
};

export type MenuSlot = { slot: number; label: string };

export function menuSlotOf(periodKey: string): MenuSlot {
  const period = parsePeriodKey(periodKey);
  if (!period) throw new RangeError(`Unknown period key: ${periodKey}`);
  if (period.cadence === "MONTHLY") {
    return { slot: period.month, label: `${MONTH_NAMES_ID[period.month - 1]} ${period.year}` };
  }
  const monday = parseDateOnly(periodRange(periodKey).firstDay)!;
  const thursday = new Date(Date.UTC(monday.year, monday.month - 1, monday.day + 3));
  const week = Math.ceil(thursday.getUTCDate() / 7);
  return { slot: week, label: `Minggu ke-${week} ${MONTH_NAMES_ID[thursday.getUTCMonth()]}` };
}

/** The rotation item for a period, or null when no menu is set. Items are sorted by position. */
export function menuItemFor<T extends { position: number }>(
  periodKey: string,
  rotation: readonly T[],
): T | null {
  if (rotation.length === 0) return null;
  const sorted = [...rotation].sort((a, b) => a.position - b.position);
  return sorted[(menuSlotOf(periodKey).slot - 1) % sorted.length] ?? null;
}
