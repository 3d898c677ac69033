import { formatDate } from "@/lib/dates";
import { FOLLOW_UP_STATUS_LABEL } from "@/schemas/follow-up";
import type { FollowUpSummary } from "@/server/follow-ups";

export { FOLLOW_UP_STATUS_LABEL };

const STATUS_STYLE: Record<FollowUpSummary["status"], string> = {
  OPEN: "bg-amber-100 text-amber-900",
  IN_PROGRESS: "bg-sky-100 text-sky-900",
  RESOLVED: "bg-brand-100 text-brand-800",
  REJECTED: "bg-slate-200 text-slate-700",
};

export function FollowUpStatusBadge({ status }: { status: FollowUpSummary["status"] }) {
  return (
    <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`}>
      {FOLLOW_UP_STATUS_LABEL[status]}
    </span>
  );
}

export function FollowUpList({
  followUps,
  showFamily = false,
}: {
  followUps: FollowUpSummary[];
  showFamily?: boolean;
}) {
  if (followUps.length === 0) return <p className="text-sm text-slate-600">Belum ada tindak lanjut.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="follow-up-list">
      {followUps.map((f) => (
        <li key={f.id} className="py-2">
          <div className="flex items-start justify-between gap-2">
            <p className="font-medium">{f.typeLabel}</p>
            <FollowUpStatusBadge status={f.status} />
          </div>
          <p className="text-sm text-slate-700">{f.detail}</p>
          <p className="text-xs text-slate-500">
            {showFamily ? `${f.household.headName} · ` : ""}
            {f.targetOpdName} · dibuat {formatDate(f.createdAt)}
            {f.noLongerSeenOn && (f.status === "OPEN" || f.status === "IN_PROGRESS")
              ? ` · masalah tidak terlihat lagi pada kunjungan ${formatDate(f.noLongerSeenOn)}`
              : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
