"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type TrendChartPoint = {
  periodKey: string;
  filed: number;
  delivered: number;
  compliance: number | null;
};

/** Reports and deliveries (bars) and compliance (line) over the last periods. */
export function TrendChart({ points }: { points: TrendChartPoint[] }) {
  return (
    <div
      className="h-72 w-full"
      data-testid="trend-chart"
      role="img"
      aria-label="Grafik tren laporan, pengantaran dan kepatuhan; nilai ada di tabel di bawahnya"
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 12, right: 12, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="periodKey" tick={{ fontSize: 11 }} tickFormatter={(k: string) => k.slice(5)} />
          <YAxis yAxisId="count" tick={{ fontSize: 11 }} width={44} />
          <YAxis
            yAxisId="percent"
            orientation="right"
            domain={[0, 100]}
            tickFormatter={(v: number) => `${v}%`}
            tick={{ fontSize: 11 }}
            width={44}
          />
          <Tooltip />
          <Legend />
          <Bar yAxisId="count" dataKey="filed" name="Laporan" fill="#7cc495" isAnimationActive={false} />
          <Bar
            yAxisId="count"
            dataKey="delivered"
            name="Bantuan diantar"
            fill="#3f9a63"
            isAnimationActive={false}
          />
          <Line
            yAxisId="percent"
            dataKey="compliance"
            name="Kepatuhan (%)"
            stroke="#124d2c"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
