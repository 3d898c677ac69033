import { Link } from "@/components/ui/link";
import {
  HOUSEHOLD_STATUSES,
  HOUSEHOLD_STATUS_LABEL,
  WELFARE_CATEGORIES,
  WELFARE_CATEGORY_LABEL,
  type RegistryFilters as Filters,
} from "@/schemas/household";
import type { RegionOptions } from "@/server/registry";
import { RegionSelects } from "./region-selects";

const selectClass = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

/**
 * The list filters: a plain GET form (works without JS; filters live in the URL). Names only: the
 * name box refuses digits (browser validation and the server), NIK/No KK go through the POST search.
 */
export function RegistryFilters({
  filters,
  regions,
  searchToken,
}: {
  filters: Filters;
  regions: RegionOptions;
  /** Keeps an active number search when filters change. */
  searchToken: string | null;
}) {
  return (
    <form
      method="get"
      action="/admin/keluarga"
      className="grid gap-3 md:grid-cols-4"
      data-testid="registry-filters"
    >
      {searchToken ? <input type="hidden" name="nomor" value={searchToken} /> : null}
      <label className="block md:col-span-2">
        <span className="text-sm font-medium">Nama kepala keluarga (awalan)</span>
        <input
          name="nama"
          type="search"
          defaultValue={filters.name ?? ""}
          pattern="[^0-9]*"
          title="Nama tidak boleh berisi angka. Untuk NIK/No KK gunakan pencarian nomor."
          autoComplete="off"
          className={selectClass}
        />
      </label>
      <RegionSelects
        regions={regions}
        kecamatanName="kecamatan"
        desaName="desa"
        initialKecamatan={filters.kecamatanCode ?? ""}
        initialDesa={filters.desaCode ?? ""}
        allowAny
      />
      <label className="block">
        <span className="text-sm font-medium">Desil</span>
        <select name="desil" defaultValue={filters.desil ?? ""} className={selectClass}>
          <option value="">Semua desil</option>
          {Array.from({ length: 10 }, (_, i) => i + 1).map((d) => (
            <option key={d} value={d}>
              Desil {d}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="text-sm font-medium">Kategori</span>
        <select name="kategori" defaultValue={filters.category ?? ""} className={selectClass}>
          <option value="">Semua kategori</option>
          {WELFARE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {WELFARE_CATEGORY_LABEL[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="text-sm font-medium">Status</span>
        <select name="status" defaultValue={filters.status ?? ""} className={selectClass}>
          <option value="">Semua status</option>
          {HOUSEHOLD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {HOUSEHOLD_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="text-sm font-medium">Penugasan</span>
        <select name="penugasan" defaultValue={filters.assigned ?? ""} className={selectClass}>
          <option value="">Semua</option>
          <option value="ada">Sudah punya ASN</option>
          <option value="belum">Belum punya ASN</option>
        </select>
      </label>
      <label className="block md:col-span-2">
        <span className="text-sm font-medium">ASN pengasuh (NIP 18 digit atau awal nama)</span>
        <input
          name="asn"
          type="search"
          defaultValue={filters.asn ?? ""}
          autoComplete="off"
          className={selectClass}
        />
      </label>
      <div className="flex items-end gap-2 md:col-span-2">
        <button
          type="submit"
          className="inline-flex items-center justify-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Terapkan filter
        </button>
        <Link href="/admin/keluarga" className="px-2 py-2 text-sm font-medium text-brand-700">
          Hapus semua filter
        </Link>
      </div>
    </form>
  );
}
