// Which checklist answers of a visit report open a follow-up ("tindak lanjut") and for which OPD
// (product.md "The core loop" step 4; domain-indonesia.md §3-§6). Pure and universal: the server
// applies it when a report is stored, the visit form uses it to preview what a report will raise.
//
// One problem per household and type (the database keeps at most one open follow-up per household
// and type). Names in `detail` are first names only: the follow-up links the member record, and the
// detail text travels further (lists, dashboards) than the registry does (UU 27/2022).

import { ageOn, isSchoolAge } from "@/lib/dates";
import {
  DRINKING_WATER,
  FLOOR,
  HEALTH,
  type HouseAnswers,
  isHouseLivable,
  MIN_FLOOR_AREA_PER_PERSON_M2,
  NATIONAL_AID,
  ROOF,
  SANITATION,
  SCHOOL,
  WALL,
} from "@/lib/regsosek";
import type { MemberAnswer, StoredChecklist } from "@/schemas/visit";

/** In the order of the Prisma enum FollowUpType; results are ordered this way too. */
export const FOLLOW_UP_TYPES = [
  "SCHOOL_DROPOUT",
  "HEALTH_WITHOUT_JKN",
  "NO_ROUTINE_AID",
  "UNLIVABLE_HOUSE",
  "ELDERLY_ALONE",
  "REGISTRY_UPDATE",
] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

export type FollowUpOpdCode = "DISPENDIK" | "DINKES" | "DINSOS" | "DISPERKIM" | "BAPPEDA";

/** Stable OPD codes created by scripts/reference-data.mts. */
export const FOLLOW_UP_TARGET_OPD: Record<FollowUpType, FollowUpOpdCode> = {
  SCHOOL_DROPOUT: "DISPENDIK",
  HEALTH_WITHOUT_JKN: "DINKES",
  NO_ROUTINE_AID: "DINSOS",
  UNLIVABLE_HOUSE: "DISPERKIM",
  ELDERLY_ALONE: "DINSOS",
  REGISTRY_UPDATE: "BAPPEDA",
};

export const FOLLOW_UP_LABEL: Record<FollowUpType, string> = {
  SCHOOL_DROPOUT: "Anak putus sekolah",
  HEALTH_WITHOUT_JKN: "Sakit/disabilitas tanpa JKN",
  NO_ROUTINE_AID: "Belum menerima bantuan rutin",
  UNLIVABLE_HOUSE: "Rumah tidak layak huni",
  ELDERLY_ALONE: "Lansia sebatang kara",
  REGISTRY_UPDATE: "Pemutakhiran data keluarga",
};

/** Age from which a member counts as elderly (lansia). */
export const ELDERLY_AGE_MIN = 60;
/** FollowUp.detail is VarChar(500). */
export const MAX_DETAIL_LENGTH = 500;

export type HouseholdFacts = {
  desil: number | null;
  category: "MISKIN_EKSTREM" | "MISKIN" | "RENTAN" | null;
  members: { id: string; name: string; birthDate: Date }[];
};

export type Problem = { type: FollowUpType; memberId: string | null; detail: string };

export type ChecklistAnswers = Pick<StoredChecklist, "livingAlone" | "members" | "aid" | "house" | "changes">;

/** A member answer joined with the registry: name and age on the visit date. */
type AnsweredMember = MemberAnswer & { name: string; firstName: string; age: number };

type RuleContext = {
  report: ChecklistAnswers;
  household: HouseholdFacts;
  /** Answers of the members the registry knows, in report order. */
  members: AnsweredMember[];
  present: AnsweredMember[];
};

type Finding = { memberId: string | null; detail: string };

// ---------------------------------------------------------------------------------------------
// The rule table: one row per follow-up type, in FOLLOW_UP_TYPES order.

const RULES: readonly { type: FollowUpType; test: (ctx: RuleContext) => Finding | null }[] = [
  {
    // A present child aged 7-18 on the visit date who dropped out or never enrolled (§5).
    type: "SCHOOL_DROPOUT",
    test: ({ present }) =>
      schoolDropoutFinding(
        present.filter(
          (m) => isSchoolAge(m.age) && (m.school === "DROPPED_OUT" || m.school === "NEVER_ENROLLED"),
        ),
      ),
  },
  {
    // A present member with a chronic disease or a disability and no JKN at all (§6, Q430/Q428/Q431a).
    type: "HEALTH_WITHOUT_JKN",
    test: ({ present }) =>
      healthFinding(
        present.filter((m) => (m.health === "CHRONIC" || m.health === "DISABLED") && m.jkn === "NONE"),
      ),
  },
  {
    // Desil 1 or miskin ekstrem, and none of the national routine programmes (local ones do not count).
    type: "NO_ROUTINE_AID",
    test: ({ report, household }) =>
      (household.desil === 1 || household.category === "MISKIN_EKSTREM") && !report.aid.some(isNationalAid)
        ? { memberId: null, detail: noRoutineAidDetail(household, report.aid) }
        : null,
  },
  {
    // BPS "rumah layak huni" fails for the members present (§4.1).
    type: "UNLIVABLE_HOUSE",
    test: ({ report, present }) => {
      const shortfalls = report.house ? houseShortfalls(report.house, present.length) : [];
      return shortfalls.length > 0
        ? { memberId: null, detail: `Rumah tidak layak huni: ${shortfalls.join(", ")}` }
        : null;
    },
  },
  {
    // Someone lives alone without a caregiver, and a present member is elderly (§6, Q429).
    type: "ELDERLY_ALONE",
    test: ({ report, present }) =>
      report.livingAlone.anyoneAlone && report.livingAlone.hasCaregiver !== true
        ? elderlyAloneFinding(present.filter((m) => m.age >= ELDERLY_AGE_MIN))
        : null,
  },
  {
    // The registry (DTSEN) needs updating: family moved or not found, a member died or moved, a new member.
    type: "REGISTRY_UPDATE",
    test: registryUpdateFinding,
  },
];

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * The problems a report shows, at most one per type, in FOLLOW_UP_TYPES order. Answers for members
 * the registry does not list are ignored (their name and age are unknown). When the family
 * moved or was not found only REGISTRY_UPDATE applies: nothing else was observed.
 */
export function problemsIn(
  report: ChecklistAnswers,
  household: HouseholdFacts,
  visitDate: Date | string,
): Problem[] {
  const facts = new Map(household.members.map((m) => [m.id, m]));
  const members: AnsweredMember[] = [];
  for (const answer of report.members) {
    const fact = facts.get(answer.memberId);
    if (!fact) continue;
    members.push({
      ...answer,
      name: fact.name,
      firstName: firstNameOf(fact.name),
      age: ageOn(fact.birthDate, visitDate),
    });
  }
  const ctx: RuleContext = {
    report,
    household,
    members,
    present: members.filter((m) => m.presence === "PRESENT"),
  };
  const observed = new Set(observedFollowUpTypes(report));
  const problems: Problem[] = [];
  for (const rule of RULES) {
    if (!observed.has(rule.type)) continue;
    const finding = rule.test(ctx);
    if (finding)
      problems.push({ type: rule.type, memberId: finding.memberId, detail: clampDetail(finding.detail) });
  }
  return problems;
}

/**
 * The follow-up types a report can say anything about. When the family moved or was not found only
 * the registry question was observed; without a house answer the house was not observed. An open
 * follow-up of an unobserved type is neither confirmed nor "no longer seen".
 */
export function observedFollowUpTypes(
  report: Pick<StoredChecklist, "house" | "changes">,
): readonly FollowUpType[] {
  if (isFamilyAbsent(report)) return ["REGISTRY_UPDATE"];
  return FOLLOW_UP_TYPES.filter((type) => type !== "UNLIVABLE_HOUSE" || report.house !== null);
}

export type OpenFollowUp = { id: string; type: FollowUpType };

/**
 * Compares a report's problems with the household's open follow-ups (OPEN/IN_PROGRESS):
 * - toCreate: problems whose type has no open follow-up, one per type;
 * - stillOpen: open follow-ups whose type is still a problem;
 * - noLongerSeen: open follow-ups whose type was observed and is no longer a problem. The app marks
 *   them "masalah tidak terlihat lagi pada kunjungan …"; only the OPD closes a follow-up;
 * - notObserved: open follow-ups whose type the report could not observe: leave them as they are.
 * Pass `observed` = observedFollowUpTypes(report), or a family that was not found makes every other
 * follow-up look solved; it defaults to all types (notObserved is then empty). The open follow-ups
 * come back as given (extra fields kept); every list is in FOLLOW_UP_TYPES order, then by id.
 */
export function reconcileFollowUps<T extends OpenFollowUp>(
  problems: Problem[],
  open: T[],
  observed: readonly FollowUpType[] = FOLLOW_UP_TYPES,
): { toCreate: Problem[]; stillOpen: T[]; noLongerSeen: T[]; notObserved: T[] } {
  const openTypes = new Set(open.map((f) => f.type));
  const problemTypes = new Set(problems.map((p) => p.type));
  const observedTypes = new Set(observed);

  const seen = new Set<FollowUpType>();
  const toCreate: Problem[] = [];
  for (const problem of [...problems].sort((a, b) => typeOrder(a.type) - typeOrder(b.type))) {
    if (openTypes.has(problem.type) || seen.has(problem.type)) continue;
    seen.add(problem.type);
    toCreate.push(problem);
  }

  const sortedOpen = [...open].sort(
    (a, b) => typeOrder(a.type) - typeOrder(b.type) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    toCreate,
    stillOpen: sortedOpen.filter((f) => problemTypes.has(f.type)),
    noLongerSeen: sortedOpen.filter((f) => !problemTypes.has(f.type) && observedTypes.has(f.type)),
    notObserved: sortedOpen.filter((f) => !problemTypes.has(f.type) && !observedTypes.has(f.type)),
  };
}

/**
 * Why a house is not livable (BPS "rumah layak huni", domain-indonesia.md §4.1), in Indonesian:
 * empty exactly when isHouseLivable(house, residents) is true. Each criterion is read from
 * isHouseLivable itself by changing one answer of a livable reference house, so the explanation
 * cannot drift from the rule while the rule stays "all criteria hold".
 */
export function houseShortfalls(house: HouseAnswers, residents: number): string[] {
  if (isHouseLivable(house, residents)) return [];
  const fails = (change: Partial<HouseAnswers>, people = 1) =>
    !isHouseLivable({ ...LIVABLE_REFERENCE_HOUSE, ...change }, people);
  const out: string[] = [];
  if (fails({ floor: house.floor })) out.push(`lantai ${materialOf(FLOOR, house.floor)}`);
  if (fails({ wall: house.wall })) out.push(`dinding ${materialOf(WALL, house.wall)}`);
  if (fails({ roof: house.roof })) out.push(`atap ${materialOf(ROOF, house.roof)}`);
  if (fails({ drinkingWater: house.drinkingWater }))
    out.push(`air minum tidak layak (${labelOf(DRINKING_WATER, house.drinkingWater)})`);
  if (fails({ sanitation: house.sanitation }))
    out.push(
      house.sanitation === NO_SANITATION
        ? "tidak ada jamban"
        : `jamban tidak layak (${labelOf(SANITATION, house.sanitation)})`,
    );
  if (house.floorAreaM2 != null && fails({ floorAreaM2: house.floorAreaM2 }, residents))
    out.push(
      `luas lantai ${formatDecimal(house.floorAreaM2 / residents)} m² per orang ` +
        `(minimal ${formatDecimal(MIN_FLOOR_AREA_PER_PERSON_M2)} m²)`,
    );
  // A future criterion the probes above do not know still yields an explanation.
  return out.length > 0 ? out : [HOUSE_FALLBACK_SHORTFALL];
}

export const HOUSE_FALLBACK_SHORTFALL = "tidak memenuhi kriteria rumah layak huni BPS";

// ---------------------------------------------------------------------------------------------
// Rule helpers

function schoolDropoutFinding(children: AnsweredMember[]): Finding | null {
  const [first] = children;
  if (!first) return null;
  if (children.length === 1) {
    const status = lowerFirst(first.school === "NEVER_ENROLLED" ? SCHOOL.NEVER_ENROLLED : SCHOOL.DROPPED_OUT);
    return {
      memberId: first.memberId,
      detail: `Anak usia ${first.age} tahun (${first.firstName}) ${status}`,
    };
  }
  const list = children.map((c) => `${c.firstName} (${c.age})`).join(", ");
  return {
    memberId: first.memberId,
    detail: `${children.length} anak usia sekolah tidak bersekolah: ${list}`,
  };
}

function healthFinding(members: AnsweredMember[]): Finding | null {
  const [first] = members;
  if (!first) return null;
  const parts = members.map((m) => {
    const condition = m.health === "CHRONIC" ? HEALTH.CHRONIC : HEALTH.DISABLED;
    const what = m.health === "CHRONIC" ? m.chronicDisease : m.disability;
    return `${condition}${what ? ` (${what})` : ""} tanpa JKN: ${m.firstName}`;
  });
  return { memberId: first.memberId, detail: parts.join("; ") };
}

function noRoutineAidDetail(household: HouseholdFacts, aid: string[]): string {
  const who = [
    ...(household.desil === 1 ? ["desil 1"] : []),
    ...(household.category === "MISKIN_EKSTREM" ? ["miskin ekstrem"] : []),
  ];
  const family = who.length > 1 ? `${who[0]} (${who[1]})` : (who[0] ?? "");
  const local = aid.filter((a) => !isNationalAid(a));
  return (
    `Keluarga ${family} belum menerima bantuan rutin` +
    (local.length > 0 ? `; hanya menerima bantuan daerah: ${local.join(", ")}` : "")
  );
}

function elderlyAloneFinding(elderly: AnsweredMember[]): Finding | null {
  const [first] = elderly;
  if (!first) return null;
  // The checklist does not say who lives alone: with one elderly member it is them.
  if (elderly.length === 1)
    return {
      memberId: first.memberId,
      detail: `Lansia ${first.age} tahun tinggal sebatang kara tanpa pendamping`,
    };
  const ages = elderly.map((m) => `${m.firstName} (${m.age})`).join(", ");
  return {
    memberId: null,
    detail: `Ada lansia tinggal sebatang kara tanpa pendamping; lansia di keluarga: ${ages}`,
  };
}

function registryUpdateFinding({ report, members }: RuleContext): Finding | null {
  const reasons: string[] = [];
  if (report.changes.familyMoved) reasons.push("Keluarga pindah alamat");
  if (report.changes.familyNotFound) reasons.push("Keluarga tidak ditemukan di alamat");
  // When the family is absent the member answers were not observed.
  const absent = isFamilyAbsent(report);
  const died = absent ? [] : members.filter((m) => m.presence === "DIED");
  const moved = absent ? [] : members.filter((m) => m.presence === "MOVED");
  if (died.length > 0) reasons.push(`Anggota meninggal: ${died.map((m) => m.firstName).join(", ")}`);
  if (moved.length > 0) reasons.push(`Anggota pindah: ${moved.map((m) => m.firstName).join(", ")}`);
  if (!absent && report.changes.newMember) reasons.push("Ada anggota keluarga baru");
  if (reasons.length === 0) return null;
  return { memberId: (died[0] ?? moved[0])?.memberId ?? null, detail: reasons.join("; ") };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A house that passes every criterion; houseShortfalls changes one answer at a time. */
const LIVABLE_REFERENCE_HOUSE: HouseAnswers = {
  floor: 2,
  wall: 1,
  roof: 2,
  drinkingWater: 3,
  sanitation: 1,
  electricity: 1,
  floorAreaM2: null,
};
/** Q309a code 6 "Tidak ada". */
const NO_SANITATION = 6;

function isFamilyAbsent(report: Pick<StoredChecklist, "changes">): boolean {
  return report.changes.familyMoved || report.changes.familyNotFound;
}

function isNationalAid(code: string): boolean {
  return Object.hasOwn(NATIONAL_AID, code);
}

function typeOrder(type: FollowUpType): number {
  return FOLLOW_UP_TYPES.indexOf(type);
}

function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function labelOf(list: Readonly<Record<number, string>>, code: number): string {
  return list[code] ?? `kode ${code}`;
}

/** "tanah", "anyaman bambu", "jenis lain" (for "Lainnya"). */
function materialOf(list: Readonly<Record<number, string>>, code: number): string {
  const label = labelOf(list, code);
  return label === "Lainnya" ? "jenis lain" : lowerFirst(label);
}

/** One decimal, rounded down so a shortfall never reads as the minimum itself: 7.19 → "7,1". */
function formatDecimal(value: number): string {
  return String(Math.floor(value * 10 + 1e-9) / 10).replace(".", ",");
}

function clampDetail(detail: string): string {
  return detail.length <= MAX_DETAIL_LENGTH ? detail : `${detail.slice(0, MAX_DETAIL_LENGTH - 1)}…`;
}
