import { requireRole } from "@/server/session";

export default async function AreaLayout({ children }: { children: React.ReactNode }) {
  await requireRole("SUPERVISOR");
  return children;
}
