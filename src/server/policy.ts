import "server-only";
import type { Prisma } from "@/generated/prisma/client";
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
 * assignment ends; leaders see none (aggregates only).
 */
export function visitScope(actor: Actor): Prisma.VisitWhereInput {
  return actor.role === "ADMIN" ? {} : { household: householdScope(actor) };
}
