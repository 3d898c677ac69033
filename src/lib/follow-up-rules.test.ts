import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REFERENCE_OPD } from "../../scripts/reference-data.mts";
import {
  type ChecklistAnswers,
  FOLLOW_UP_LABEL,
  FOLLOW_UP_TARGET_OPD,
  FOLLOW_UP_TYPES,
  type FollowUpType,
  HOUSE_FALLBACK_SHORTFALL,
  houseShortfalls,
  type HouseholdFacts,
  MAX_DETAIL_LENGTH,
  observedFollowUpTypes,
  type OpenFollowUp,
  type Problem,
  problemsIn,
  reconcileFollowUps,
} from "./follow-up-rules";
import {
  DRINKING_WATER,
  ELECTRICITY,
  FLOOR,
  type HouseAnswers,
  isHouseLivable,
  NATIONAL_AID,
  ROOF,
  SANITATION,
  WALL,
} from "./regsosek";
import type { MemberAnswer } from "@/schemas/visit";

// ---------------------------------------------------------------------------------------------
// Fixtures: a visit on Tuesday 10 March 2026; birth dates as Prisma reads @db.Date (UTC midnight).

const VISIT = "2026-03-10";

/** Born so that the member is `years` old on the visit date; dayShift +1 = birthday tomorrow. */
function bornAged(years: number, dayShift = 0): Date {
  return new Date(Date.UTC(2026 - years, 2, 10 + dayShift));
}

let seq = 0;
function uuid(): string {
  seq += 1;
  return `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`;
}

type Person = { fact: HouseholdFacts["members"][number]; answer: MemberAnswer };

function person(name: string, birthDate: Date, answer: Partial<MemberAnswer> = {}): Person {
  const id = uuid();
  return {
    fact: { id, name, birthDate },
    answer: {
      memberId: id,
      presence: "PRESENT",
      health: "HEALTHY",
      chronicDisease: null,
      disability: null,
      jkn: "PBI",
      school: null,
      ...answer,
    },
  };
}

const GOOD_HOUSE: NonNullable<ChecklistAnswers["house"]> = {
  floor: 2,
  wall: 1,
  roof: 2,
  drinkingWater: 12,
  sanitation: 1,
  electricity: 1,
  floorAreaM2: null,
  livable: true,
};

/** A report without any problem for a desil 1 family; override what a test is about. */
function report(people: Person[], overrides: Partial<ChecklistAnswers> = {}): ChecklistAnswers {
  return {
    livingAlone: { anyoneAlone: false, hasCaregiver: null },
    members: people.map((p) => p.answer),
    aid: ["PKH", "BPNT"],
    house: GOOD_HOUSE,
    changes: { familyMoved: false, familyNotFound: false, newMember: false },
    ...overrides,
  };
}

function household(people: Person[], overrides: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return { desil: 1, category: "MISKIN", members: people.map((p) => p.fact), ...overrides };
}

/** problemsIn for one set of people; returns the problems. */
function run(
  people: Person[],
  reportOverrides: Partial<ChecklistAnswers> = {},
  facts: Partial<HouseholdFacts> = {},
) {
  return problemsIn(report(people, reportOverrides), household(people, facts), VISIT);
}

function ofType(problems: Problem[], type: FollowUpType): Problem[] {
  return problems.filter((p) => p.type === type);
}

const parents = () => [
  person("Slamet Riyadi", bornAged(45)),
  person("Sumarni", bornAged(42), { health: "HEALTHY", jkn: "PBI" }),
];

// ---------------------------------------------------------------------------------------------

describe("follow-up types, labels and target OPD", () => {
  it("routes each type to its responsible OPD", () => {
    expect(FOLLOW_UP_TARGET_OPD).toEqual({
      SCHOOL_DROPOUT: "DISPENDIK",
      HEALTH_WITHOUT_JKN: "DINKES",
      NO_ROUTINE_AID: "DINSOS",
      UNLIVABLE_HOUSE: "DISPERKIM",
      ELDERLY_ALONE: "DINSOS",
      REGISTRY_UPDATE: "BAPPEDA",
    });
  });

  it("only uses OPD codes that the reference data creates", () => {
    for (const code of Object.values(FOLLOW_UP_TARGET_OPD))
      expect(Object.keys(REFERENCE_OPD)).toContain(code);
  });

  it("lists exactly the values of the Prisma enum FollowUpType, in its order", () => {
    const schema = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
    const body = /enum FollowUpType \{([^}]*)\}/.exec(schema)?.[1] ?? "";
    const values = body
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, "").trim())
      .filter(Boolean);
    expect(values).toEqual([...FOLLOW_UP_TYPES]);
  });

  it("has a distinct Indonesian label for every type", () => {
    expect(Object.keys(FOLLOW_UP_LABEL).sort()).toEqual([...FOLLOW_UP_TYPES].sort());
    expect(FOLLOW_UP_LABEL.SCHOOL_DROPOUT).toBe("Anak putus sekolah");
    expect(new Set(Object.values(FOLLOW_UP_LABEL)).size).toBe(FOLLOW_UP_TYPES.length);
  });
});

describe("problemsIn: a report without problems", () => {
  it("raises nothing", () => {
    expect(run([...parents(), person("Rina", bornAged(14), { school: "ENROLLED" })])).toEqual([]);
  });
});

describe("problemsIn: SCHOOL_DROPOUT", () => {
  it("raises one problem naming the child's age and first name", () => {
    const child = person("Rina Wulandari", bornAged(14), { school: "DROPPED_OUT" });
    expect(run([...parents(), child])).toEqual([
      { type: "SCHOOL_DROPOUT", memberId: child.fact.id, detail: "Anak usia 14 tahun (Rina) putus sekolah" },
    ]);
  });

  it("says when the child never enrolled", () => {
    const child = person("Dedi", bornAged(9), { school: "NEVER_ENROLLED" });
    expect(ofType(run([child]), "SCHOOL_DROPOUT")[0]?.detail).toBe(
      "Anak usia 9 tahun (Dedi) belum pernah sekolah",
    );
  });

  it.each([
    ["ENROLLED", "ENROLLED"],
    ["no school answer", null],
  ] as const)("does not raise for a child with %s", (_label, school) => {
    expect(ofType(run([person("Rina", bornAged(14), { school })]), "SCHOOL_DROPOUT")).toEqual([]);
  });

  it.each([
    ["6 (7th birthday tomorrow)", bornAged(7, 1), false],
    ["7 (birthday on the visit date)", bornAged(7), true],
    ["18 (19th birthday tomorrow)", bornAged(19, 1), true],
    ["18 (birthday on the visit date)", bornAged(18), true],
    ["19 (birthday on the visit date)", bornAged(19), false],
  ])("at age %s raises: %s", (_label, birthDate, raises) => {
    const problems = ofType(run([person("Anak", birthDate, { school: "DROPPED_OUT" })]), "SCHOOL_DROPOUT");
    expect(problems).toHaveLength(raises ? 1 : 0);
  });

  it("reads a visit instant on the WIB calendar (01:00 WIB on the 7th birthday)", () => {
    const child = person("Rina", bornAged(7), { school: "DROPPED_OUT" });
    const problems = problemsIn(report([child]), household([child]), new Date("2026-03-09T18:00:00Z"));
    expect(ofType(problems, "SCHOOL_DROPOUT")[0]?.detail).toBe("Anak usia 7 tahun (Rina) putus sekolah");
  });

  it("ignores a child who no longer lives with the family", () => {
    const child = person("Rina", bornAged(14), { presence: "MOVED", school: "DROPPED_OUT" });
    expect(ofType(run([child]), "SCHOOL_DROPOUT")).toEqual([]);
  });

  it("combines several children into one problem for the first child", () => {
    const rina = person("Rina Wulandari", bornAged(14), { school: "DROPPED_OUT" });
    const budi = person("Budi", bornAged(11), { school: "ENROLLED" });
    const dedi = person("Dedi Kurniawan", bornAged(9), { school: "NEVER_ENROLLED" });
    expect(ofType(run([...parents(), rina, budi, dedi]), "SCHOOL_DROPOUT")).toEqual([
      {
        type: "SCHOOL_DROPOUT",
        memberId: rina.fact.id,
        detail: "2 anak usia sekolah tidak bersekolah: Rina (14), Dedi (9)",
      },
    ]);
  });
});

describe("problemsIn: HEALTH_WITHOUT_JKN", () => {
  it("raises for a chronic disease without JKN", () => {
    const sick = person("Sumarni", bornAged(55), {
      health: "CHRONIC",
      chronicDisease: "Hipertensi",
      jkn: "NONE",
    });
    expect(run([sick])).toEqual([
      {
        type: "HEALTH_WITHOUT_JKN",
        memberId: sick.fact.id,
        detail: "Sakit kronis (Hipertensi) tanpa JKN: Sumarni",
      },
    ]);
  });

  it("raises for a disability without JKN", () => {
    const member = person("Budi Santoso", bornAged(30), {
      health: "DISABLED",
      disability: "Kesulitan berjalan",
      jkn: "NONE",
    });
    expect(ofType(run([member]), "HEALTH_WITHOUT_JKN")[0]?.detail).toBe(
      "Disabilitas (Kesulitan berjalan) tanpa JKN: Budi",
    );
  });

  it.each([
    ["chronic with JKN PBI", { health: "CHRONIC", chronicDisease: "Diabetes", jkn: "PBI" }],
    ["chronic with JKN mandiri", { health: "CHRONIC", chronicDisease: "Diabetes", jkn: "MANDIRI" }],
    ["sick (not chronic) without JKN", { health: "SICK", jkn: "NONE" }],
    ["healthy without JKN", { health: "HEALTHY", jkn: "NONE" }],
    [
      "chronic without JKN but deceased",
      { presence: "DIED", health: "CHRONIC", chronicDisease: "TBC", jkn: "NONE" },
    ],
  ] as const)("does not raise: %s", (_label, answer) => {
    expect(ofType(run([person("Sumarni", bornAged(55), answer)]), "HEALTH_WITHOUT_JKN")).toEqual([]);
  });

  it("combines several members into one problem", () => {
    const a = person("Sumarni", bornAged(55), {
      health: "CHRONIC",
      chronicDisease: "Hipertensi",
      jkn: "NONE",
    });
    const b = person("Budi", bornAged(20), {
      health: "DISABLED",
      disability: "Kesulitan melihat",
      jkn: "NONE",
    });
    expect(ofType(run([a, b]), "HEALTH_WITHOUT_JKN")).toEqual([
      {
        type: "HEALTH_WITHOUT_JKN",
        memberId: a.fact.id,
        detail:
          "Sakit kronis (Hipertensi) tanpa JKN: Sumarni; Disabilitas (Kesulitan melihat) tanpa JKN: Budi",
      },
    ]);
  });
});

describe("problemsIn: NO_ROUTINE_AID", () => {
  it("raises for a desil 1 family without aid", () => {
    expect(run(parents(), { aid: [] })).toEqual([
      { type: "NO_ROUTINE_AID", memberId: null, detail: "Keluarga desil 1 belum menerima bantuan rutin" },
    ]);
  });

  it("raises for a miskin ekstrem family outside desil 1", () => {
    const problems = run(parents(), { aid: [] }, { desil: 2, category: "MISKIN_EKSTREM" });
    expect(ofType(problems, "NO_ROUTINE_AID")[0]?.detail).toBe(
      "Keluarga miskin ekstrem belum menerima bantuan rutin",
    );
  });

  it("still raises when the family only receives local programmes", () => {
    const problems = run(parents(), { aid: ["Rantang Kasih", "Banyuwangi Cerdas"] });
    expect(ofType(problems, "NO_ROUTINE_AID")[0]?.detail).toBe(
      "Keluarga desil 1 belum menerima bantuan rutin; hanya menerima bantuan daerah: Rantang Kasih, Banyuwangi Cerdas",
    );
  });

  it.each(Object.keys(NATIONAL_AID))("does not raise when the family receives %s", (code) => {
    expect(ofType(run(parents(), { aid: ["Rantang Kasih", code] }), "NO_ROUTINE_AID")).toEqual([]);
  });

  it.each([
    ["desil 2, miskin", 2, "MISKIN"],
    ["desil 3, rentan", 3, "RENTAN"],
    ["desil and category unknown", null, null],
  ] as const)("does not raise for a family with %s", (_label, desil, category) => {
    expect(ofType(run(parents(), { aid: [] }, { desil, category }), "NO_ROUTINE_AID")).toEqual([]);
  });
});

describe("problemsIn: UNLIVABLE_HOUSE", () => {
  it("lists the failing criteria", () => {
    const problems = run(parents(), { house: { ...GOOD_HOUSE, floor: 8, wall: 6, livable: false } });
    expect(problems).toEqual([
      {
        type: "UNLIVABLE_HOUSE",
        memberId: null,
        detail: "Rumah tidak layak huni: lantai tanah, dinding bambu",
      },
    ]);
  });

  it("explains roof, water and sanitation", () => {
    const house = { ...GOOD_HOUSE, roof: 7, drinkingWater: 6, sanitation: 6, livable: false };
    expect(ofType(run(parents(), { house }), "UNLIVABLE_HOUSE")[0]?.detail).toBe(
      "Rumah tidak layak huni: atap jerami/ijuk/daun/rumbia, air minum tidak layak (Sumur tak terlindung), " +
        "tidak ada jamban",
    );
  });

  it("counts only the members present for the living space (7.2 m² per person)", () => {
    const five = [
      ...parents(),
      person("A", bornAged(10)),
      person("B", bornAged(8)),
      person("C", bornAged(5)),
    ];
    const cramped = { ...GOOD_HOUSE, floorAreaM2: 33 };
    expect(ofType(run(five, { house: cramped }), "UNLIVABLE_HOUSE")[0]?.detail).toBe(
      "Rumah tidak layak huni: luas lantai 6,6 m² per orang (minimal 7,2 m²)",
    );
    expect(ofType(run(five, { house: { ...GOOD_HOUSE, floorAreaM2: 36 } }), "UNLIVABLE_HOUSE")).toEqual([]);
    const fourPresent = five.map((p, i) =>
      i === 4 ? { ...p, answer: { ...p.answer, presence: "MOVED" as const } } : p,
    );
    expect(ofType(run(fourPresent, { house: cramped }), "UNLIVABLE_HOUSE")).toEqual([]);
  });

  it("does not raise for a livable house or when the house was not answered", () => {
    expect(ofType(run(parents()), "UNLIVABLE_HOUSE")).toEqual([]);
    expect(ofType(run(parents(), { house: null }), "UNLIVABLE_HOUSE")).toEqual([]);
  });
});

describe("houseShortfalls", () => {
  const codes = (list: Readonly<Record<number, string>>) => Object.keys(list).map(Number);

  it("is non-empty exactly when isHouseLivable is false, for every code combination, and never vague", () => {
    const areas: [number | null, number][] = [
      [null, 3],
      [36, 5], // exactly 7.2 m² per person
      [35, 5], // 7.0
      [50, 0], // nobody present: space not judged
    ];
    let checked = 0;
    let unlivable = 0;
    for (const floor of codes(FLOOR))
      for (const wall of codes(WALL))
        for (const roof of codes(ROOF))
          for (const drinkingWater of codes(DRINKING_WATER))
            for (const sanitation of codes(SANITATION))
              for (const electricity of codes(ELECTRICITY))
                for (const [floorAreaM2, residents] of areas) {
                  const house: HouseAnswers = {
                    floor,
                    wall,
                    roof,
                    drinkingWater,
                    sanitation,
                    electricity,
                    floorAreaM2,
                  };
                  const reasons = houseShortfalls(house, residents);
                  const livable = isHouseLivable(house, residents);
                  checked += 1;
                  if (!livable) unlivable += 1;
                  if ((reasons.length === 0) !== livable || reasons.includes(HOUSE_FALLBACK_SHORTFALL))
                    expect({ house, residents, livable, reasons }).toBeUndefined();
                }
    expect(checked).toBe(9 * 7 * 8 * 13 * 6 * 4 * areas.length);
    expect(unlivable).toBeGreaterThan(0);
    expect(unlivable).toBeLessThan(checked);
  });

  it.each([
    [17.7, 3, "luas lantai 5,9 m² per orang (minimal 7,2 m²)"], // 17.7 / 3 is 5.8999… in floating point
    [21.5, 3, "luas lantai 7,1 m² per orang (minimal 7,2 m²)"], // 7.17: rounded down, never shown as 7,2
  ])("shows %s m² for %s people as a living-space shortfall", (floorAreaM2, residents, reason) => {
    expect(houseShortfalls({ ...GOOD_HOUSE, floorAreaM2 }, residents)).toEqual([reason]);
  });

  it("names one reason per failing criterion", () => {
    const house: HouseAnswers = {
      floor: 7,
      wall: 4,
      roof: 4,
      drinkingWater: 9,
      sanitation: 4,
      electricity: 4,
      floorAreaM2: 20,
    };
    expect(houseShortfalls(house, 3)).toEqual([
      "lantai bambu",
      "dinding anyaman bambu",
      "atap asbes",
      "air minum tidak layak (Air permukaan (sungai/danau))",
      "jamban tidak layak (Ada, MCK umum)",
      "luas lantai 6,6 m² per orang (minimal 7,2 m²)",
    ]);
    expect(houseShortfalls({ ...house, floor: 9, wall: 7, roof: 8 }, 1).slice(0, 3)).toEqual([
      "lantai jenis lain",
      "dinding jenis lain",
      "atap jenis lain",
    ]);
  });
});

describe("problemsIn: ELDERLY_ALONE", () => {
  const alone = { livingAlone: { anyoneAlone: true, hasCaregiver: false } };

  it("raises for an elderly member living alone without a caregiver", () => {
    const elder = person("Sutrisno", bornAged(81));
    expect(run([elder], alone)).toEqual([
      {
        type: "ELDERLY_ALONE",
        memberId: elder.fact.id,
        detail: "Lansia 81 tahun tinggal sebatang kara tanpa pendamping",
      },
    ]);
  });

  it("does not raise when there is a caregiver or nobody lives alone", () => {
    const elder = [person("Sutrisno", bornAged(81))];
    expect(run(elder, { livingAlone: { anyoneAlone: true, hasCaregiver: true } })).toEqual([]);
    expect(run(elder, { livingAlone: { anyoneAlone: false, hasCaregiver: null } })).toEqual([]);
  });

  it("raises when the caregiver question was left unanswered", () => {
    const elder = [person("Sutrisno", bornAged(81))];
    const problems = run(elder, { livingAlone: { anyoneAlone: true, hasCaregiver: null } });
    expect(ofType(problems, "ELDERLY_ALONE")).toHaveLength(1);
  });

  it.each([
    ["59 (60th birthday tomorrow)", bornAged(60, 1), false],
    ["60 (birthday on the visit date)", bornAged(60), true],
  ])("at age %s raises: %s", (_label, birthDate, raises) => {
    expect(ofType(run([person("Sutrisno", birthDate)], alone), "ELDERLY_ALONE")).toHaveLength(raises ? 1 : 0);
  });

  it("ignores elderly members who are no longer present", () => {
    const people = [person("Sutrisno", bornAged(81), { presence: "DIED" }), person("Tono", bornAged(40))];
    expect(ofType(run(people, alone), "ELDERLY_ALONE")).toEqual([]);
  });

  it("names no single member when several elderly members are present", () => {
    const people = [person("Sutrisno", bornAged(81)), person("Sumi Rahayu", bornAged(75))];
    expect(ofType(run(people, alone), "ELDERLY_ALONE")).toEqual([
      {
        type: "ELDERLY_ALONE",
        memberId: null,
        detail:
          "Ada lansia tinggal sebatang kara tanpa pendamping; lansia di keluarga: Sutrisno (81), Sumi (75)",
      },
    ]);
  });
});

describe("problemsIn: REGISTRY_UPDATE", () => {
  it("raises for a member who died, naming them", () => {
    const died = person("Sumarni", bornAged(70), { presence: "DIED" });
    expect(run([person("Slamet", bornAged(72)), died])).toEqual([
      { type: "REGISTRY_UPDATE", memberId: died.fact.id, detail: "Anggota meninggal: Sumarni" },
    ]);
  });

  it("combines every reason in one problem", () => {
    const died = person("Sumarni", bornAged(70), { presence: "DIED" });
    const moved = person("Dedi Kurniawan", bornAged(25), { presence: "MOVED" });
    const changes = { familyMoved: false, familyNotFound: false, newMember: true };
    expect(
      ofType(run([person("Slamet", bornAged(72)), died, moved], { changes }), "REGISTRY_UPDATE"),
    ).toEqual([
      {
        type: "REGISTRY_UPDATE",
        memberId: died.fact.id,
        detail: "Anggota meninggal: Sumarni; Anggota pindah: Dedi; Ada anggota keluarga baru",
      },
    ]);
  });

  it("raises for a new member alone", () => {
    const changes = { familyMoved: false, familyNotFound: false, newMember: true };
    expect(run(parents(), { changes })).toEqual([
      { type: "REGISTRY_UPDATE", memberId: null, detail: "Ada anggota keluarga baru" },
    ]);
  });

  it("does not raise when nothing changed", () => {
    expect(ofType(run(parents()), "REGISTRY_UPDATE")).toEqual([]);
  });
});

describe("problemsIn: family moved or not found", () => {
  // Every other rule would fire on these answers if they had been observed.
  const troubled = () => [
    person("Sutrisno", bornAged(81), { health: "CHRONIC", chronicDisease: "Stroke", jkn: "NONE" }),
    person("Rina", bornAged(14), { school: "DROPPED_OUT" }),
    person("Sumarni", bornAged(70), { presence: "DIED" }),
  ];
  const badAnswers: Partial<ChecklistAnswers> = {
    livingAlone: { anyoneAlone: true, hasCaregiver: false },
    aid: [],
    house: { ...GOOD_HOUSE, floor: 8, livable: false },
  };

  it("raises every rule while the family is at home (control)", () => {
    const changes = { familyMoved: false, familyNotFound: false, newMember: true };
    expect(run(troubled(), { ...badAnswers, changes }).map((p) => p.type)).toEqual([...FOLLOW_UP_TYPES]);
  });

  it("raises only REGISTRY_UPDATE when the family was not found", () => {
    const changes = { familyMoved: false, familyNotFound: true, newMember: true };
    expect(run(troubled(), { ...badAnswers, changes })).toEqual([
      { type: "REGISTRY_UPDATE", memberId: null, detail: "Keluarga tidak ditemukan di alamat" },
    ]);
  });

  it("raises only REGISTRY_UPDATE when the family moved", () => {
    const changes = { familyMoved: true, familyNotFound: false, newMember: false };
    expect(run(troubled(), { ...badAnswers, changes })).toEqual([
      { type: "REGISTRY_UPDATE", memberId: null, detail: "Keluarga pindah alamat" },
    ]);
  });

  it("reports which types were observed", () => {
    const changes = (familyMoved: boolean, familyNotFound: boolean) => ({
      familyMoved,
      familyNotFound,
      newMember: false,
    });
    expect(observedFollowUpTypes({ house: null, changes: changes(false, true) })).toEqual([
      "REGISTRY_UPDATE",
    ]);
    expect(observedFollowUpTypes({ house: null, changes: changes(true, false) })).toEqual([
      "REGISTRY_UPDATE",
    ]);
    expect(observedFollowUpTypes({ house: GOOD_HOUSE, changes: changes(false, false) })).toEqual([
      ...FOLLOW_UP_TYPES,
    ]);
    expect(observedFollowUpTypes({ house: null, changes: changes(false, false) })).not.toContain(
      "UNLIVABLE_HOUSE",
    );
  });
});

describe("problemsIn: robustness", () => {
  it("ignores answers for members the registry does not list", () => {
    const stranger = person("Orang Lain", bornAged(14), { school: "DROPPED_OUT" });
    const people = parents();
    const problems = problemsIn(
      report([...people, stranger]),
      household(people), // the stranger's registry entry is missing
      VISIT,
    );
    expect(problems).toEqual([]);
  });

  it("keeps a detail within the 500 characters of FollowUp.detail", () => {
    const children = Array.from({ length: 30 }, (_, i) =>
      person(`${"Kusumawardhani".repeat(3)}${i} Putri`, bornAged(8 + (i % 10)), { school: "DROPPED_OUT" }),
    );
    const [problem] = run(children);
    expect(problem?.type).toBe("SCHOOL_DROPOUT");
    expect(problem?.detail).toHaveLength(MAX_DETAIL_LENGTH);
    expect(problem?.detail.startsWith("30 anak usia sekolah tidak bersekolah: ")).toBe(true);
    expect(problem?.detail.endsWith("…")).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe("reconcileFollowUps", () => {
  const problem = (type: FollowUpType, detail = "x"): Problem => ({ type, memberId: null, detail });
  const open = (id: string, type: FollowUpType): OpenFollowUp => ({ id, type });

  it("creates a follow-up for a new problem", () => {
    expect(reconcileFollowUps([problem("SCHOOL_DROPOUT")], [])).toEqual({
      toCreate: [problem("SCHOOL_DROPOUT")],
      stillOpen: [],
      noLongerSeen: [],
      notObserved: [],
    });
  });

  it("keeps an open follow-up whose problem is still seen, without creating a second one", () => {
    expect(reconcileFollowUps([problem("SCHOOL_DROPOUT")], [open("f1", "SCHOOL_DROPOUT")])).toEqual({
      toCreate: [],
      stillOpen: [open("f1", "SCHOOL_DROPOUT")],
      noLongerSeen: [],
      notObserved: [],
    });
  });

  it("reports an open follow-up whose problem is no longer seen", () => {
    expect(reconcileFollowUps([], [open("f1", "ELDERLY_ALONE")])).toEqual({
      toCreate: [],
      stillOpen: [],
      noLongerSeen: [open("f1", "ELDERLY_ALONE")],
      notObserved: [],
    });
  });

  it("never creates two follow-ups of one type", () => {
    const result = reconcileFollowUps([problem("NO_ROUTINE_AID", "a"), problem("NO_ROUTINE_AID", "b")], []);
    expect(result.toCreate).toEqual([problem("NO_ROUTINE_AID", "a")]);
  });

  it("orders every list by type, then id, whatever the input order", () => {
    const result = reconcileFollowUps(
      [
        problem("REGISTRY_UPDATE"),
        problem("HEALTH_WITHOUT_JKN"),
        problem("SCHOOL_DROPOUT"),
        problem("ELDERLY_ALONE"),
      ],
      [
        open("f9", "UNLIVABLE_HOUSE"),
        open("f3", "ELDERLY_ALONE"),
        open("f2", "NO_ROUTINE_AID"),
        open("f1", "HEALTH_WITHOUT_JKN"),
        open("f0", "UNLIVABLE_HOUSE"),
      ],
    );
    expect(result.toCreate.map((p) => p.type)).toEqual(["SCHOOL_DROPOUT", "REGISTRY_UPDATE"]);
    expect(result.stillOpen.map((f) => f.id)).toEqual(["f1", "f3"]);
    expect(result.noLongerSeen.map((f) => f.id)).toEqual(["f2", "f0", "f9"]);
    expect(result.notObserved).toEqual([]);
  });

  it("does not report unobserved types as no longer seen (family not found)", () => {
    const changes = { familyMoved: false, familyNotFound: true, newMember: false };
    const people = parents();
    const answers = report(people, { changes, house: null });
    const problems = problemsIn(answers, household(people), VISIT);
    const result = reconcileFollowUps(
      problems,
      [open("f1", "SCHOOL_DROPOUT"), open("f2", "UNLIVABLE_HOUSE")],
      observedFollowUpTypes(answers),
    );
    expect(result).toEqual({
      toCreate: [{ type: "REGISTRY_UPDATE", memberId: null, detail: "Keluarga tidak ditemukan di alamat" }],
      stillOpen: [],
      noLongerSeen: [],
      notObserved: [open("f1", "SCHOOL_DROPOUT"), open("f2", "UNLIVABLE_HOUSE")],
    });
  });

  it("keeps the caller's extra fields on the open follow-ups", () => {
    const cleared = {
      id: "f1",
      type: "SCHOOL_DROPOUT" as const,
      clearedAt: new Date("2026-03-03T03:00:00Z"),
    };
    const { stillOpen } = reconcileFollowUps([problem("SCHOOL_DROPOUT")], [cleared]);
    expect(stillOpen[0]?.clearedAt).toBe(cleared.clearedAt);
  });

  it("leaves the house unjudged when the house was not answered", () => {
    const answers = report(parents(), { house: null });
    const result = reconcileFollowUps([], [open("f1", "UNLIVABLE_HOUSE")], observedFollowUpTypes(answers));
    expect(result.noLongerSeen).toEqual([]);
    expect(result.notObserved).toEqual([open("f1", "UNLIVABLE_HOUSE")]);
  });

  it("creates nothing new when the next visit shows the same problems", () => {
    const child = person("Rina", bornAged(14), { school: "DROPPED_OUT" });
    const people = [...parents(), child];
    const first = reconcileFollowUps(run(people, { aid: [] }), []);
    expect(first.toCreate.map((p) => p.type)).toEqual(["SCHOOL_DROPOUT", "NO_ROUTINE_AID"]);
    const opened = first.toCreate.map((p, i) => open(`f${i}`, p.type));
    // Next visit: the child is back at school, aid still missing.
    const back = [...parents(), person("Rina", child.fact.birthDate, { school: "ENROLLED" })];
    const second = reconcileFollowUps(run(back, { aid: [] }), opened);
    expect(second).toEqual({
      toCreate: [],
      stillOpen: [open("f1", "NO_ROUTINE_AID")],
      noLongerSeen: [open("f0", "SCHOOL_DROPOUT")],
      notObserved: [],
    });
  });
});
