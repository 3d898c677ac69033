import type { HouseholdStatus } from "@/schemas/household";

const STYLE: Record<HouseholdStatus, string> = {
  ACTIVE: "bg-brand-100 text-brand-800",
  GRADUATED: "bg-sky-100 text-sky-900",
  MOVED: "bg-amber-100 text-amber-900",
  DECEASED: "bg-slate-200 text-slate-700",
  INACTIVE: "bg-slate-200 text-slate-700",
};

export function StatusBadge({ status, label }: { status: HouseholdStatus; label: string }) {
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${STYLE[status]}`}
      data-testid="household-status"
    >
      {label}
    </span>
  );
}
