import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/features/account/change-password-form";
import { requireSignedIn } from "@/server/session";

export const metadata: Metadata = { title: "Ganti kata sandi" };

// Every role may change their password here; an account with a temporary password is sent here
// by requireActor() and may open nothing else. requireSignedIn() (not requireActor()) so it does
// not redirect to itself.
export default async function ChangePasswordPage() {
  const actor = await requireSignedIn();
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Ganti kata sandi" />
      <Card>
        <ChangePasswordForm forced={Boolean(actor.mustChangePassword)} />
      </Card>
    </div>
  );
}
