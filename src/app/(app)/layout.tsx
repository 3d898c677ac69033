import { AppHeader } from "@/features/shell/app-header";
import { requireSignedIn } from "@/server/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Not requireActor(): /ganti-sandi lives in this group and must render for an account with a
  // temporary password; every page and role layout below calls requireActor()/requireRole().
  const actor = await requireSignedIn();
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-6xl px-4 py-5">{children}</main>
    </>
  );
}
