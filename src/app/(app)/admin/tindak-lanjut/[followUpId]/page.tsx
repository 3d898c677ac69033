import type { Metadata } from "next";
import { FollowUpDetailPage } from "@/features/follow-ups/board-page";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Tindak lanjut" };

export default async function Page({ params }: { params: Promise<{ followUpId: string }> }) {
  const actor = await requireActor();
  const { followUpId } = await params;
  return <FollowUpDetailPage actor={actor} basePath="/admin/tindak-lanjut" followUpId={followUpId} />;
}
