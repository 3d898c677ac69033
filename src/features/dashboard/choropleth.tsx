import {
  AREA_INDICATORS,
  classBreaks,
  NO_DATA_COLOUR,
  SEQUENTIAL_GREENS,
  type AreaFigures,
  type AreaIndicatorKey,
} from "@/lib/area-indicators";
import type { MapPoint, MapShape } from "@/server/geo";
import { formatIndicator } from "./format-indicator";

type Area = AreaFigures & { code: string; name: string };

/**
 * A server-rendered SVG choropleth: no tiles, no internet, prints as vector. Each kecamatan links
 * to its drill-down; `points` (desa centroids) are coloured the same way when given.
 */
export function Choropleth({
  shapes,
  points = [],
  areas,
  indicator,
  width,
  height,
  hrefFor,
  title,
}: {
  shapes: MapShape[];
  points?: MapPoint[];
  areas: Area[];
  indicator: AreaIndicatorKey;
  width: number;
  height: number;
  hrefFor?: (code: string) => string;
  title: string;
}) {
  const spec = AREA_INDICATORS[indicator];
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const values = areas.map((a) => spec.value(a));
  const classOf = classBreaks(values);
  const colourOf = (code: string) => {
    const area = byCode.get(code);
    const cls = area ? classOf(spec.value(area)) : null;
    return cls === null ? NO_DATA_COLOUR : SEQUENTIAL_GREENS[cls];
  };
  const present = values.filter((v): v is number => v !== null);
  const min = present.length ? Math.min(...present) : null;
  const max = present.length ? Math.max(...present) : null;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={title}
        data-testid="choropleth"
      >
        {shapes.map((shape) => {
          const area = byCode.get(shape.code);
          const label = `${shape.name}: ${area ? formatIndicator(indicator, spec.value(area)) : "tidak ada data"}`;
          const body = (
            <path
              d={shape.path}
              fill={points.length ? "#f8fafc" : colourOf(shape.code)}
              stroke="#ffffff"
              strokeWidth={1}
            >
              <title>{label}</title>
            </path>
          );
          return hrefFor ? (
            <a key={shape.code} href={hrefFor(shape.code)} aria-label={label} data-code={shape.code}>
              {body}
            </a>
          ) : (
            <g key={shape.code}>{body}</g>
          );
        })}
        {points.map((p) => {
          const area = byCode.get(p.code);
          return (
            <circle
              key={p.code}
              cx={p.x}
              cy={p.y}
              r={7}
              fill={colourOf(p.code)}
              stroke="#124d2c"
              strokeWidth={1}
            >
              <title>{`${area?.name ?? p.code}: ${area ? formatIndicator(indicator, spec.value(area)) : "tidak ada data"}`}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span>{spec.label}:</span>
        <span>{min === null ? "–" : formatIndicator(indicator, min)}</span>
        {SEQUENTIAL_GREENS.map((c) => (
          <span key={c} className="inline-block h-3 w-6 rounded-sm" style={{ background: c }} aria-hidden />
        ))}
        <span>{max === null ? "–" : formatIndicator(indicator, max)}</span>
        <span
          className="inline-block h-3 w-6 rounded-sm"
          style={{ background: NO_DATA_COLOUR }}
          aria-hidden
        />
        <span>tidak ada data</span>
      </figcaption>
    </figure>
  );
}
