import { AppHeader } from "@/features/shell/app-header";
import { requireActor } from "@/server/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-6xl px-4 py-5">{children}</main>
    </>
  );
}
