import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { Actor } from "@/lib/permissions";
import { followUpBoardFilterSchema } from "@/schemas/follow-up";
import { orNotFound } from "@/server/errors";
import { getFollowUp, getFollowUpBoardOptions, listFollowUpBoard } from "@/server/follow-ups";
import { FollowUpBoardFilters, FollowUpBoardTable, FollowUpDetailView } from "./follow-up-board";
import { FollowUpStatusForm, FollowUpTargetForm } from "./follow-up-forms";

/** The board for /admin/tindak-lanjut and /pengawas/tindak-lanjut (scope decided by the DAL). */
export async function FollowUpBoardPage({
  actor,
  basePath,
  searchParams,
}: {
  actor: Actor;
  basePath: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const filter = followUpBoardFilterSchema.parse(searchParams);
  const isAdmin = actor.role === "ADMIN";
  const [board, options] = await Promise.all([
    orNotFound(
      listFollowUpBoard(actor, {
        type: filter.jenis,
        status: filter.status,
        targetOpdId: isAdmin ? filter.opd : undefined,
        kecamatanCode: filter.kecamatan,
        page: filter.halaman,
      }),
    ),
    orNotFound(getFollowUpBoardOptions(actor)),
  ]);
  const values = {
    jenis: filter.jenis,
    status: filter.status,
    opd: isAdmin && filter.opd ? String(filter.opd) : undefined,
    kecamatan: filter.kecamatan,
  };
  return (
    <>
      <PageHeader
        title="Tindak lanjut"
        description={
          isAdmin ? "Semua tindak lanjut, terbaru dahulu" : "Tindak lanjut yang ditujukan ke OPD Anda"
        }
      />
      <FollowUpBoardFilters
        values={values}
        opds={isAdmin ? options.opds : null}
        kecamatan={options.kecamatan}
      />
      <FollowUpBoardTable rows={board.rows} basePath={basePath} />
      <Pagination
        page={board.page}
        pageCount={board.pageCount}
        total={board.total}
        basePath={basePath}
        searchParams={values}
      />
    </>
  );
}

/** One follow-up with its history and the actions the actor may take. */
export async function FollowUpDetailPage({
  actor,
  basePath,
  followUpId,
}: {
  actor: Actor;
  basePath: string;
  followUpId: string;
}) {
  const detail = await orNotFound(getFollowUp(actor, followUpId));
  const options = actor.role === "ADMIN" ? await orNotFound(getFollowUpBoardOptions(actor)) : null;
  return (
    <>
      <PageHeader
        title={`Tindak lanjut: ${detail.typeLabel}`}
        description={<Link href={basePath}>← Kembali ke daftar tindak lanjut</Link>}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <FollowUpDetailView detail={detail} />
        </div>
        <div className="space-y-4">
          <Card title="Ubah status">
            {detail.allowedStatuses.length > 0 ? (
              <FollowUpStatusForm followUpId={detail.id} allowed={detail.allowedStatuses} />
            ) : (
              <p className="text-sm text-slate-600">Status tidak dapat diubah.</p>
            )}
          </Card>
          {options ? (
            <Card title="Alihkan OPD tujuan">
              <FollowUpTargetForm
                followUpId={detail.id}
                currentOpdId={detail.targetOpd.id}
                opds={options.opds}
              />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
