import type { Metadata } from "next";
import { FollowUpBoardPage } from "@/features/follow-ups/board-page";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Tindak lanjut" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  return (
    <FollowUpBoardPage actor={actor} basePath="/pengawas/tindak-lanjut" searchParams={await searchParams} />
  );
}
