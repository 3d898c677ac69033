// The visit form's state, kept as the ASN typed it, and the small helpers the form needs while it
// is being filled. No runtime imports: this is in the form's first load (docs/performance.md).
// Converting from and to the server's data is in form-conversion.ts (used by the page on the
// server and when the report is sent).

import type { HouseAnswers } from "@/lib/livable-house";
import type { HOUSE_CODE_LISTS } from "@/lib/regsosek";
import type { MemberAnswer } from "@/schemas/visit";
import type { VisitForm as VisitFormData } from "@/server/visits";

export type ItemState = { name: string; quantity: string; unit: string; valueRupiah: string };
export type HouseKey = keyof typeof HOUSE_CODE_LISTS;
export type HouseState = Record<HouseKey, number | null> & { floorAreaM2: string };

/** Everything the ASN has typed, kept as typed (e.g. "25.000") so nothing is lost on an error. */
export type FormState = {
  idempotencyKey: string;
  visitDate: string;
  delivered: boolean;
  items: ItemState[];
  notDeliveredReason: string;
  livingAlone: { anyoneAlone: boolean | null; hasCaregiver: boolean | null };
  members: MemberAnswer[];
  aid: string[];
  house: HouseState;
  changes: { familyMoved: boolean; familyNotFound: boolean; newMember: boolean };
  notes: string;
  location: { latitude: number; longitude: number; accuracyMeters: number | null } | null;
};

/** An answer code and its label. */
export type Choice<T extends string | number> = readonly [T, string];

/**
 * The answers the form offers (Regsosek codes with their labels, src/lib/regsosek.ts), handed to it
 * by the page with the rest of its data rather than bundled with it.
 */
export type VisitChoices = {
  presence: Choice<MemberAnswer["presence"]>[];
  health: Choice<NonNullable<MemberAnswer["health"]>>[];
  jkn: Choice<NonNullable<MemberAnswer["jkn"]>>[];
  school: Choice<NonNullable<MemberAnswer["school"]>>[];
  chronicDiseases: Choice<string>[];
  disabilities: Choice<string>[];
  /** The national routine programmes, then the kabupaten's own (programme settings). */
  aid: Choice<string>[];
  house: { key: HouseKey; label: string; options: Choice<number>[] }[];
};

/** What the form needs of the server's VisitForm: all but the pre-filled answers, which reach it as
 * the initial state (form-conversion.ts initialState, computed by the page). */
export type ClientVisitForm = Omit<VisitFormData, "prefill">;

/** The house answers once every code is chosen (for the live "layak huni" result), else null. */
export function houseAnswersOf(h: HouseState): (HouseAnswers & { floorAreaM2: number | null }) | null {
  const { floor, wall, roof, drinkingWater, sanitation, electricity } = h;
  if (
    floor === null ||
    wall === null ||
    roof === null ||
    drinkingWater === null ||
    sanitation === null ||
    electricity === null
  )
    return null;
  const area = Number(h.floorAreaM2.replace(",", "."));
  return { floor, wall, roof, drinkingWater, sanitation, electricity, floorAreaM2: area > 0 ? area : null };
}

/** A member's age from a day of the report's period on (member-ages.ts computes them on the server). */
export type AgeStep = { from: string; age: number; schoolAge: boolean };

/**
 * The age on `day` ("YYYY-MM-DD"): the last step starting on or before it (the first step for a
 * day before the period; such a date is refused by the server anyway).
 */
export function ageStepOn(steps: AgeStep[], day: string): AgeStep {
  return steps.findLast((step) => step.from <= day) ?? steps[0]!;
}
