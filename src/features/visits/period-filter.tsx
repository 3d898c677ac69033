/** A plain GET form: works without JavaScript and keeps the filter in the URL. */
export function PeriodFilter({
  options,
  selected,
}: {
  options: { key: string; label: string }[];
  selected: string | null;
}) {
  return (
    <form method="get" className="flex items-end gap-2">
      <label className="block flex-1">
        <span className="text-sm font-medium">Periode</span>
        <select
          name="periode"
          defaultValue={selected ?? ""}
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
        >
          <option value="">Semua periode</option>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-lg bg-slate-800 px-3 py-2 text-sm font-semibold text-white">
        Tampilkan
      </button>
    </form>
  );
}
