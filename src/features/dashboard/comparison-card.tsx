/** A headline figure with the previous period's value and the change, for the leaders' dashboard. */
export function ComparisonCard({
  label,
  value,
  detail,
  previous,
  change,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  previous?: string;
  change?: { text: string; better: boolean | null };
  testId?: string;
}) {
  return (
    <div
      className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 break-inside-avoid"
      data-testid={testId}
    >
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-bold tabular-nums">{value}</p>
      {detail ? <p className="text-xs text-slate-500">{detail}</p> : null}
      {previous ? (
        <p className="mt-1 text-xs text-slate-600">
          Periode lalu: {previous}
          {change ? (
            <span
              className={`ml-1 font-semibold ${change.better === null ? "text-slate-600" : change.better ? "text-brand-700" : "text-red-700"}`}
            >
              ({change.text})
            </span>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
