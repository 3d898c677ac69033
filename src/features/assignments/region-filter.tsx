/** GET filter for kecamatan and (once a kecamatan is chosen) desa/kelurahan. */
export function RegionFilter({
  kecamatan,
  desa,
  selected,
  extra,
}: {
  kecamatan: { code: string; name: string }[];
  desa: { code: string; name: string }[];
  selected: { kecamatan?: string; desa?: string };
  extra?: Record<string, string | undefined>;
}) {
  const control = "mt-1 block w-56 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
      {Object.entries(extra ?? {}).map(([k, v]) =>
        v ? <input key={k} type="hidden" name={k} value={v} /> : null,
      )}
      <label className="text-sm font-medium">
        Kecamatan
        <select name="kecamatan" defaultValue={selected.kecamatan ?? ""} className={control}>
          <option value="">Semua kecamatan</option>
          {kecamatan.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
      </label>
      {desa.length > 0 ? (
        <label className="text-sm font-medium">
          Desa/kelurahan
          <select name="desa" defaultValue={selected.desa ?? ""} className={control}>
            <option value="">Semua desa</option>
            {desa.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
        Terapkan
      </button>
    </form>
  );
}
