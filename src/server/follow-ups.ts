import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { FOLLOW_UP_LABEL, type FollowUpType } from "@/lib/follow-up-rules";
import type { Actor } from "@/lib/permissions";
import { assertUuid, notFound } from "./errors";
import { followUpScope } from "./policy";
import { db } from "./db";

const followUpSummarySelect = {
  id: true,
  type: true,
  status: true,
  detail: true,
  createdAt: true,
  clearedAt: true,
  resolvedAt: true,
  targetOpd: { select: { name: true } },
  household: { select: { id: true, headName: true } },
  clearedByVisit: { select: { visitDate: true } },
} satisfies Prisma.FollowUpSelect;

type FollowUpSummaryRow = Prisma.FollowUpGetPayload<{ select: typeof followUpSummarySelect }>;

export type FollowUpSummary = {
  id: string;
  type: FollowUpType;
  typeLabel: string;
  status: FollowUpSummaryRow["status"];
  detail: string;
  createdAt: Date;
  targetOpdName: string;
  household: { id: string; headName: string };
  /** When a later report no longer showed the problem (the OPD still closes it). */
  noLongerSeenOn: Date | null;
  resolvedAt: Date | null;
};

function toSummary(row: FollowUpSummaryRow): FollowUpSummary {
  return {
    id: row.id,
    type: row.type,
    typeLabel: FOLLOW_UP_LABEL[row.type],
    status: row.status,
    detail: row.detail,
    createdAt: row.createdAt,
    targetOpdName: row.targetOpd.name,
    household: row.household,
    noLongerSeenOn: row.clearedAt ? (row.clearedByVisit?.visitDate ?? row.clearedAt) : null,
    resolvedAt: row.resolvedAt,
  };
}

/** Follow-ups of one family in the actor's scope, open ones first. */
export async function listHouseholdFollowUps(actor: Actor, householdId: string): Promise<FollowUpSummary[]> {
  assertUuid(householdId);
  const rows = await db.followUp.findMany({
    where: { AND: [{ householdId }, followUpScope(actor)] },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: followUpSummarySelect,
  });
  return rows.map(toSummary);
}

/** Follow-ups raised by the ASN's own reports, with their status, newest first. */
export async function listFollowUpsRaisedBy(actor: Actor, take = 100): Promise<FollowUpSummary[]> {
  if (actor.role !== "ASN") throw notFound();
  const rows = await db.followUp.findMany({
    where: { raisedByVisit: { asnId: actor.id } },
    orderBy: { createdAt: "desc" },
    take,
    select: followUpSummarySelect,
  });
  return rows.map(toSummary);
}
