import { requireRole } from "@/server/session";

export default async function AreaLayout({ children }: { children: React.ReactNode }) {
  await requireRole("ASN");
  return children;
}
