// Converting the visit form's state from the server's pre-filled answers (the page, on the server)
// and to the server schema's input (when the report is sent, submit-report.ts).

import { formatRupiah, parseRupiah } from "@/lib/money";
import {
  CHRONIC_DISEASES,
  DISABILITIES,
  HEALTH,
  HOUSE_CODE_LISTS,
  JKN,
  NATIONAL_AID,
  PRESENCE,
  SCHOOL,
} from "@/lib/regsosek";
import type { VisitReportInput } from "@/schemas/visit";
import type { VisitForm as VisitFormData } from "@/server/visits";
import type { ClientVisitForm, FormState, HouseKey, VisitChoices } from "./form-state";

const HOUSE_LABELS: Record<HouseKey, string> = {
  floor: "Jenis lantai terluas",
  wall: "Jenis dinding terluas",
  roof: "Jenis atap terluas",
  drinkingWater: "Sumber air minum utama",
  sanitation: "Fasilitas buang air besar",
  electricity: "Sumber penerangan utama",
};

/** The answers the form offers; `localAidProgrammes` from the programme settings. */
export function visitChoices(localAidProgrammes: string[]): VisitChoices {
  const entries = <K extends string>(list: Readonly<Record<K, string>>) =>
    Object.entries(list) as [K, string][];
  return {
    presence: entries(PRESENCE),
    health: entries(HEALTH),
    jkn: entries(JKN),
    school: entries(SCHOOL),
    chronicDiseases: CHRONIC_DISEASES.map((d) => [d, d] as const),
    disabilities: DISABILITIES.map((d) => [d, d] as const),
    aid: [...entries(NATIONAL_AID), ...localAidProgrammes.map((p) => [p, p] as const)],
    house: (Object.keys(HOUSE_CODE_LISTS) as HouseKey[]).map((key) => ({
      key,
      label: HOUSE_LABELS[key],
      options: Object.entries(HOUSE_CODE_LISTS[key]).map(([code, text]) => [Number(code), text] as const),
    })),
  };
}

/** The form's starting state: the pre-filled answers, as the ASN would have typed them. */
export function initialState(form: VisitFormData, newKey: string): FormState {
  const p = form.prefill;
  const defaultDate = form.period.lastDay < form.today ? form.period.lastDay : form.today;
  return {
    idempotencyKey: p.idempotencyKey ?? newKey,
    visitDate: p.visitDate ?? defaultDate,
    delivered: p.delivered,
    items: p.items.map((i) => ({
      name: i.name,
      quantity: String(i.quantity).replace(".", ","),
      unit: i.unit,
      valueRupiah: formatRupiah(i.valueRupiah).replace("Rp", ""),
    })),
    notDeliveredReason: p.notDeliveredReason ?? "",
    livingAlone: p.livingAlone,
    members: p.members,
    aid: p.aid,
    house: {
      floor: p.house?.floor ?? null,
      wall: p.house?.wall ?? null,
      roof: p.house?.roof ?? null,
      drinkingWater: p.house?.drinkingWater ?? null,
      sanitation: p.house?.sanitation ?? null,
      electricity: p.house?.electricity ?? null,
      floorAreaM2: p.house?.floorAreaM2 ? String(p.house.floorAreaM2).replace(".", ",") : "",
    },
    changes: p.changes,
    notes: p.notes ?? "",
    location: null,
  };
}

/** The form's data without the pre-filled answers (the form starts from initialState instead). */
export function clientFormOf({ prefill, ...form }: VisitFormData): ClientVisitForm {
  void prefill;
  return form;
}

function decimalOrText(value: string): number | string {
  const normalised = value.trim().replace(",", ".");
  return normalised !== "" && !Number.isNaN(Number(normalised)) ? Number(normalised) : value;
}

/** The form state as the server schema's input. Unparseable text is sent as is, so the server names it. */
export function toPayload(state: FormState, form: ClientVisitForm): VisitReportInput {
  const familyAbsent = state.changes.familyMoved || state.changes.familyNotFound;
  const h = state.house;
  return {
    householdId: form.household.id,
    periodKey: form.period.periodKey,
    idempotencyKey: state.idempotencyKey,
    visitDate: state.visitDate,
    delivered: state.delivered,
    items: state.delivered
      ? state.items.map((i) => ({
          name: i.name,
          quantity: decimalOrText(i.quantity) as number,
          unit: i.unit,
          valueRupiah: (parseRupiah(i.valueRupiah) ?? i.valueRupiah) as number,
        }))
      : [],
    notDeliveredReason: state.delivered ? null : state.notDeliveredReason,
    livingAlone: {
      anyoneAlone: state.livingAlone.anyoneAlone as boolean,
      hasCaregiver: state.livingAlone.anyoneAlone ? state.livingAlone.hasCaregiver : null,
    },
    members: state.members,
    aid: state.aid,
    house: familyAbsent
      ? null
      : {
          floor: h.floor as number,
          wall: h.wall as number,
          roof: h.roof as number,
          drinkingWater: h.drinkingWater as number,
          sanitation: h.sanitation as number,
          electricity: h.electricity as number,
          floorAreaM2: h.floorAreaM2.trim() === "" ? null : (decimalOrText(h.floorAreaM2) as number),
        },
    changes: state.changes,
    notes: state.notes,
    location: state.location,
  };
}
