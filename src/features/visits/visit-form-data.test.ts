import { describe, expect, it } from "vitest";
import { ageOn, isSchoolAge } from "@/lib/dates";
import { CHRONIC_DISEASES, NATIONAL_AID, PRESENCE } from "@/lib/regsosek";
import type { MemberAnswer } from "@/schemas/visit";
import type { VisitForm as VisitFormData } from "@/server/visits";
import { previewFollowUps } from "./follow-up-preview";
import { clientFormOf, initialState, toPayload, visitChoices } from "./form-conversion";
import { ageStepOn } from "./form-state";
import { memberAgeSteps } from "./member-ages";

// The visit form's data computed on the server (initial state, choices, ages, follow-up preview)
// must be what the form computed itself before it was moved out of its first load.

const CHILD = "11111111-1111-4111-8111-111111111111";
const MOTHER = "22222222-2222-4222-8222-222222222222";
const LEAP = "33333333-3333-4333-8333-333333333333";

function member(id: string, name: string, birthDate: string) {
  return {
    id,
    name,
    sex: "FEMALE" as const,
    birthDate,
    ageAtVisit: 0,
    relationship: "Anak",
    status: "PRESENT" as const,
    schoolParticipation: null,
    jknStatus: "PBI" as const,
    chronicIllness: null,
    disability: null,
  };
}

function answer(memberId: string, overrides: Partial<MemberAnswer> = {}): MemberAnswer {
  const base = { presence: "PRESENT", health: "HEALTHY", jkn: "PBI" } as const;
  return { memberId, ...base, chronicDisease: null, disability: null, school: null, ...overrides };
}

function visitForm(overrides: Partial<VisitFormData["prefill"]> = {}): VisitFormData {
  return {
    household: {
      id: "44444444-4444-4444-8444-444444444444",
      headName: "Sumiati",
      desaName: "Genteng Kulon",
      kecamatanName: "Genteng",
      members: [
        // Turns 19 on Wednesday of the period: school age ends mid-week.
        member(CHILD, "Dewi Lestari", "2007-11-25"),
        member(MOTHER, "Sumiati", "1980-03-02"),
        // Born on 29 February: a year older on 1 March in common years.
        member(LEAP, "Rina", "2012-02-29"),
      ],
    },
    period: {
      periodKey: "2026-W48",
      currentPeriodKey: "2026-W48",
      isLate: false,
      firstDay: "2026-11-23",
      lastDay: "2026-11-29",
      label: "Minggu ke-48 2026",
      menuLabel: "Menu minggu ini",
    },
    today: "2026-11-27",
    menuItem: null,
    localAidProgrammes: ["Kartu Banyuwangi Sejahtera"],
    existing: null,
    prefill: {
      idempotencyKey: null,
      visitDate: null,
      delivered: true,
      items: [{ name: "Beras", quantity: 2.5, unit: "kg", valueRupiah: 25_000 }],
      notDeliveredReason: null,
      livingAlone: { anyoneAlone: false, hasCaregiver: null },
      members: [
        answer(CHILD, { school: "ENROLLED" }),
        answer(MOTHER, { health: "CHRONIC", chronicDisease: "Hipertensi", jkn: "NONE" }),
        answer(LEAP, { school: "DROPPED_OUT" }),
      ],
      aid: ["PKH"],
      house: { floor: 2, wall: 1, roof: 2, drinkingWater: 1, sanitation: 1, electricity: 1, floorAreaM2: 36 },
      changes: { familyMoved: false, familyNotFound: false, newMember: false },
      notes: null,
      ...overrides,
    },
  };
}

describe("initialState / toPayload", () => {
  it("starts from the pre-filled answers as typed, and sends them back as the schema's input", () => {
    const form = visitForm();
    const state = initialState(form, "55555555-5555-4555-8555-555555555555");
    expect(state.idempotencyKey).toBe("55555555-5555-4555-8555-555555555555");
    expect(state.visitDate).toBe("2026-11-27"); // today, inside the period
    expect(state.items).toEqual([{ name: "Beras", quantity: "2,5", unit: "kg", valueRupiah: "25.000" }]);
    expect(state.house.floorAreaM2).toBe("36");
    const payload = toPayload(state, clientFormOf(form));
    expect(payload.items).toEqual([{ name: "Beras", quantity: 2.5, unit: "kg", valueRupiah: 25_000 }]);
    expect(payload.house?.floorAreaM2).toBe(36);
    expect(payload.householdId).toBe(form.household.id);
  });

  it("keeps the key of a report being edited and defaults a late report to the period's last day", () => {
    const late = visitForm({ idempotencyKey: "66666666-6666-4666-8666-666666666666" });
    late.period = { ...late.period, isLate: true, firstDay: "2026-11-16", lastDay: "2026-11-22" };
    const state = initialState(late, "ignored");
    expect(state.idempotencyKey).toBe("66666666-6666-4666-8666-666666666666");
    expect(state.visitDate).toBe("2026-11-22");
  });

  it("hands the form its data without the pre-filled answers", () => {
    const client = clientFormOf(visitForm());
    expect("prefill" in client).toBe(false);
    expect(client.household.members).toHaveLength(3);
  });
});

describe("visitChoices", () => {
  it("offers the Regsosek codes with their labels, national aid before the kabupaten's own", () => {
    const choices = visitChoices(["Kartu Banyuwangi Sejahtera"]);
    expect(choices.presence).toEqual(Object.entries(PRESENCE));
    expect(choices.chronicDiseases.map(([value]) => value)).toEqual([...CHRONIC_DISEASES]);
    expect(choices.aid.map(([code]) => code)).toEqual([
      ...Object.keys(NATIONAL_AID),
      "Kartu Banyuwangi Sejahtera",
    ]);
    expect(choices.house.map((q) => q.key)).toEqual([
      "floor",
      "wall",
      "roof",
      "drinkingWater",
      "sanitation",
      "electricity",
    ]);
    expect(choices.house[0]!.options).toContainEqual([8, "Tanah"]);
  });
});

describe("memberAgeSteps / ageStepOn", () => {
  const form = visitForm();
  const steps = memberAgeSteps(form);
  const days = [
    "2026-11-23",
    "2026-11-24",
    "2026-11-25",
    "2026-11-26",
    "2026-11-27",
    "2026-11-28",
    "2026-11-29",
  ];

  it("gives on every day of the period the age and school age of the one age rule", () => {
    for (const m of form.household.members)
      for (const day of days) {
        const age = ageOn(m.birthDate, day);
        expect(ageStepOn(steps[m.id]!, day)).toEqual({
          from: expect.any(String),
          age,
          schoolAge: isSchoolAge(age),
        });
      }
  });

  it("steps on a birthday inside the period: 18 and school age, then 19 and no longer", () => {
    expect(steps[CHILD]).toEqual([
      { from: "2026-11-23", age: 18, schoolAge: true },
      { from: "2026-11-25", age: 19, schoolAge: false },
    ]);
    expect(steps[MOTHER]).toHaveLength(1);
  });

  it("turns someone born on 29 February a year older on 1 March of a common year", () => {
    const march = visitForm();
    march.period = { ...march.period, periodKey: "2027-W09", firstDay: "2027-02-22", lastDay: "2027-03-07" };
    expect(memberAgeSteps(march)[LEAP]).toEqual([
      { from: "2027-02-22", age: 14, schoolAge: true },
      { from: "2027-03-01", age: 15, schoolAge: true },
    ]);
  });

  it("takes the first step for a day before the period", () => {
    expect(ageStepOn(steps[CHILD]!, "2026-11-01").age).toBe(18);
  });
});

describe("previewFollowUps", () => {
  it("previews the follow-ups the server's rules raise, with their labels, without routine aid", () => {
    const form = visitForm();
    const preview = previewFollowUps(initialState(form, "k"), clientFormOf(form));
    expect(preview.map((p) => p.type)).toEqual(["SCHOOL_DROPOUT", "HEALTH_WITHOUT_JKN"]);
    expect(preview[0]).toMatchObject({
      label: "Anak putus sekolah",
      detail: expect.stringContaining("Rina"),
    });
  });

  it("is empty until the living-alone question is answered", () => {
    const form = visitForm();
    const unanswered = { ...initialState(form, "k"), livingAlone: { anyoneAlone: null, hasCaregiver: null } };
    expect(previewFollowUps(unanswered, form)).toEqual([]);
  });

  it("raises only the registry update when the family moved", () => {
    const form = visitForm({ changes: { familyMoved: true, familyNotFound: false, newMember: false } });
    expect(previewFollowUps(initialState(form, "k"), form).map((p) => p.type)).toEqual(["REGISTRY_UPDATE"]);
  });
});
