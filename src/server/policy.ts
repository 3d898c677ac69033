import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/permissions";

// Scope builders: every DAL query spreads one of these into its `where`, so a record outside
// the actor's scope is simply not found (404), never fetched and then checked.

/** Matches nothing; for roles that must not read individual records. */
const NOTHING = { id: { in: [] as string[] } } as const;

export function householdScope(actor: Actor): Prisma.HouseholdWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "ASN":
      return { assignments: { some: { asnId: actor.id, endedAt: null } } };
    case "SUPERVISOR":
      if (actor.supervisedRegionCode) return { kecamatanCode: actor.supervisedRegionCode };
      if (actor.opdId === null) return NOTHING;
      return { assignments: { some: { endedAt: null, asn: { opdId: actor.opdId } } } };
    case "LEADER":
      return NOTHING;
  }
}

/**
 * householdScope as a SQL condition on a `household` row aliased `h`, for statements written in
 * SQL (the visit submission's one read, src/server/visits.ts). Must match householdScope exactly:
 * tests/integration/households.test.ts compares the two for every role.
 */
export function householdScopeSql(actor: Actor): Prisma.Sql {
  switch (actor.role) {
    case "ADMIN":
      return Prisma.sql`TRUE`;
    case "ASN":
      return Prisma.sql`EXISTS (SELECT 1 FROM assignment a
                                 WHERE a.household_id = h.id AND a.asn_id = ${actor.id}::uuid AND a.ended_at IS NULL)`;
    case "SUPERVISOR":
      if (actor.supervisedRegionCode) return Prisma.sql`h.kecamatan_code = ${actor.supervisedRegionCode}`;
      if (actor.opdId === null) return Prisma.sql`FALSE`;
      return Prisma.sql`EXISTS (SELECT 1 FROM assignment a JOIN app_user u ON u.id = a.asn_id
                                 WHERE a.household_id = h.id AND a.ended_at IS NULL AND u.opd_id = ${actor.opdId})`;
    case "LEADER":
      return Prisma.sql`FALSE`;
  }
}

/** Staff (ASN accounts) an actor may list. */
export function staffScope(actor: Actor): Prisma.UserWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return { role: "ASN" };
    case "SUPERVISOR":
      if (actor.supervisedRegionCode) return { role: "ASN", workKecamatanCode: actor.supervisedRegionCode };
      if (actor.opdId === null) return NOTHING;
      return { role: "ASN", opdId: actor.opdId };
    case "ASN":
    case "LEADER":
      return NOTHING;
  }
}

/**
 * staffScope as a SQL condition on an `app_user` row aliased `u`, for raw aggregates
 * (src/server/compliance.ts). Must match staffScope exactly: tests/integration/compliance.test.ts
 * compares the two for every role.
 */
export function staffScopeSql(actor: Actor): Prisma.Sql {
  switch (actor.role) {
    case "ADMIN":
      return Prisma.sql`u.role = 'ASN'`;
    case "SUPERVISOR":
      if (actor.supervisedRegionCode)
        return Prisma.sql`u.role = 'ASN' AND u.work_kecamatan_code = ${actor.supervisedRegionCode}`;
      if (actor.opdId === null) return Prisma.sql`FALSE`;
      return Prisma.sql`u.role = 'ASN' AND u.opd_id = ${actor.opdId}`;
    case "ASN":
    case "LEADER":
      return Prisma.sql`FALSE`;
  }
}

/** Follow-ups an actor may see. */
export function followUpScope(actor: Actor): Prisma.FollowUpWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "SUPERVISOR":
      if (actor.supervisedRegionCode) return { household: { kecamatanCode: actor.supervisedRegionCode } };
      if (actor.opdId === null) return NOTHING;
      return { targetOpdId: actor.opdId };
    case "ASN":
      return { household: householdScope(actor) };
    case "LEADER":
      return NOTHING;
  }
}

/**
 * Visits an actor may read (and their photos). Follows the family, not the author: an ASN sees the
 * visits of their *current* families, also those filed by a previous ASN, and loses them once the
 * assignment ends; supervisors also the reports that raised a follow-up addressed to them; leaders
 * see none (aggregates only).
 */
export function visitScope(actor: Actor): Prisma.VisitWhereInput {
  if (actor.role === "ADMIN") return {};
  // A supervisor also reads the report that raised a follow-up addressed to them (its photo).
  if (actor.role === "SUPERVISOR")
    return {
      OR: [{ household: householdScope(actor) }, { followUpsRaised: { some: followUpScope(actor) } }],
    };
  return { household: householdScope(actor) };
}
