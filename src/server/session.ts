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
      mustChangePassword: true,
    },
  });
  if (!user || !user.isActive || user.tokenVersion !== session.user.tokenVersion) return null;
  return {
    id: user.id,
    role: user.role as Role,
    name: user.name,
    opdId: user.opdId,
    supervisedRegionCode: user.supervisedRegionCode,
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  };
});

/** Where an account with a temporary password is sent until it has chosen its own. */
export const CHANGE_PASSWORD_PATH = "/ganti-sandi";

/**
 * For pages and server actions: the actor, or a redirect to the sign-in page. An account that
 * still has a temporary password is sent to /ganti-sandi instead: every page and every action
 * (which can be posted to any URL) is refused until the password is changed.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await requireSignedIn();
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return actor;
}

/**
 * Signed in, temporary password or not. Only for the (app) layout and the change-password page
 * and action; everything else uses requireActor()/requireRole().
 */
export async function requireSignedIn(): Promise<Actor> {
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
