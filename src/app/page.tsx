import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/permissions";
import { getActor } from "@/server/session";

export default async function RootPage() {
  const actor = await getActor();
  redirect(actor ? homePathFor(actor.role) : "/login");
}
