import { Link } from "@/components/ui/link";

/** Page links that keep the current filters (searchParams) and change only `halaman`. */
export function Pagination({
  page,
  pageCount,
  total,
  basePath,
  searchParams,
}: {
  page: number;
  pageCount: number;
  total: number;
  basePath: string;
  searchParams: Record<string, string | undefined>;
}) {
  const hrefFor = (target: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(searchParams)) if (v && k !== "halaman") params.set(k, v);
    if (target > 1) params.set("halaman", String(target));
    const query = params.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  return (
    <nav aria-label="Halaman" className="mt-3 flex items-center justify-between gap-2 text-sm">
      <p className="text-slate-600">
        Halaman {page} dari {Math.max(pageCount, 1)} · {total.toLocaleString("id-ID")} data
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className="rounded-lg px-3 py-1.5 ring-1 ring-slate-300" href={hrefFor(page - 1)}>
            ← Sebelumnya
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className="rounded-lg px-3 py-1.5 ring-1 ring-slate-300" href={hrefFor(page + 1)}>
            Berikutnya →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
