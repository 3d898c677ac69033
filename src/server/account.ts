import "server-only";
import { hash, verify } from "@node-rs/argon2";
import type { Actor } from "@/lib/permissions";
import { PASSWORD_MESSAGES, passwordPolicyIssues } from "@/schemas/account";
import { recordAudit } from "./audit";
import { AppError } from "./errors";
import { db } from "./db";

// The signed-in user's own account: changing the password (forced after a temporary one).

/**
 * Changes the actor's own password after checking the current one. Clears mustChangePassword and
 * bumps the token version: every session of the account ends, including this one, and the user
 * signs in again with the new password. Any role.
 */
export async function changeOwnPassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { passwordHash: true, nip: true, username: true, isActive: true },
  });
  if (!user || !user.isActive) throw new AppError("UNAUTHENTICATED");
  if (!(await verify(user.passwordHash, input.currentPassword))) {
    const message = "Kata sandi saat ini salah.";
    await recordAudit({
      actorId: actor.id,
      action: "auth.password_change_failed",
      entityType: "user",
      entityId: actor.id,
    });
    throw new AppError("INVALID_INPUT", message, { currentPassword: [message] });
  }
  const issues = passwordPolicyIssues(input.newPassword, { nip: user.nip, username: user.username });
  if (input.newPassword === input.currentPassword) issues.push(PASSWORD_MESSAGES.sameAsCurrent);
  if (issues.length > 0) throw new AppError("INVALID_INPUT", issues[0], { newPassword: issues });
  const passwordHash = await hash(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, mustChangePassword: false, tokenVersion: { increment: 1 } },
    });
    await recordAudit(
      { actorId: actor.id, action: "auth.password_changed", entityType: "user", entityId: actor.id },
      tx,
    );
  });
}

/** The sign-in name of the actor, for the password policy shown on /ganti-sandi. */
export async function getOwnSignInName(
  actor: Actor,
): Promise<{ nip: string | null; username: string | null }> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { nip: true, username: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}
