/** GET form: the chosen period lives in the URL, works without JavaScript. */
export function PeriodSelect({
  options,
  selected,
  hidden,
}: {
  options: { key: string; label: string }[];
  selected: string;
  hidden: Record<string, string>;
}) {
  return (
    <form method="get" className="no-print flex items-end gap-2">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="block">
        <span className="text-sm font-medium">Periode</span>
        <select
          name="periode"
          defaultValue={selected}
          className="mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
        >
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
