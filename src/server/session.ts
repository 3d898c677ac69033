import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor, Role } from "@/lib/permissions";
import { authOptions } from "./auth";
import { db } from "./db";

/**
 * The signed-in actor, or null. The JWT alone is not trusted for authorization: the account is
 * re-read so a deactivated user or a changed role (token version bumped) loses access at once.
 * Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const user = await db.user.findUnique({
    where: { id: session.user.id },
    select: {
      id: true,
      role: true,
      name: true,
      opdId: true,
      supervisedRegionCode: true,
      isActive: true,
      tokenVersion: true,
    },
  });
  if (!user || !user.isActive || user.tokenVersion !== session.user.tokenVersion) return null;
  return {
    id: user.id,
    role: user.role as Role,
    name: user.name,
    opdId: user.opdId,
    supervisedRegionCode: user.supervisedRegionCode,
  };
});

/** For pages and server actions: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For a role's area: anyone else gets 404, so the area's existence is not confirmed. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await requireActor();
  if (!roles.includes(actor.role)) notFound();
  return actor;
}
