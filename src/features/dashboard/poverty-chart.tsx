"use client";

import {
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type PovertyChartPoint = { year: number; percentPoor: number };

const percent = (v: number) => `${v.toLocaleString("id-ID", { maximumFractionDigits: 2 })}%`;

/** The official poverty series with every value labelled, the lowest point marked and the target line. */
export function PovertyChart({ points, target }: { points: PovertyChartPoint[]; target: number | null }) {
  if (points.length === 0) return <p className="text-sm text-slate-600">Belum ada angka kemiskinan resmi.</p>;
  const lowest = points.reduce((min, p) => (p.percentPoor < min.percentPoor ? p : min));
  const top = Math.ceil(Math.max(...points.map((p) => p.percentPoor), target ?? 0) + 1);
  return (
    <div
      className="h-72 w-full"
      data-testid="poverty-chart"
      role="img"
      aria-label="Grafik angka kemiskinan per tahun; nilai ada di tabel di bawahnya"
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 24, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="year" tick={{ fontSize: 12 }} />
          <YAxis
            domain={[0, top]}
            tickFormatter={(v: number) => `${v}%`}
            tick={{ fontSize: 12 }}
            width={44}
          />
          <Tooltip formatter={(v) => percent(Number(v))} labelFormatter={(y) => `Maret ${y}`} />
          {target !== null ? (
            <ReferenceLine
              y={target}
              stroke="#b45309"
              strokeDasharray="6 4"
              label={{
                value: `Target ${percent(target)}`,
                position: "insideTopRight",
                fill: "#b45309",
                fontSize: 12,
              }}
            />
          ) : null}
          <Line
            type="monotone"
            dataKey="percentPoor"
            stroke="#1f7a46"
            strokeWidth={3}
            dot={{ r: 4 }}
            isAnimationActive={false}
          >
            <LabelList
              dataKey="percentPoor"
              position="top"
              formatter={(v) => percent(Number(v))}
              fontSize={11}
            />
          </Line>
          <ReferenceDot
            x={lowest.year}
            y={lowest.percentPoor}
            r={8}
            fill="none"
            stroke="#124d2c"
            strokeWidth={2}
            label={{ value: "Terendah", position: "bottom", fill: "#124d2c", fontSize: 12 }}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
