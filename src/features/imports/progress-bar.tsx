/** A labelled progress bar (0–100). */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="space-y-1" data-testid="import-progress">
      <div className="flex justify-between text-sm text-slate-700">
        <span>{label}</span>
        <span className="tabular-nums">{value}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="bg-brand-600 h-full transition-[width] duration-300" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
