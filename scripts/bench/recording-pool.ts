// A pg Pool that records the statements Prisma sends outside transactions (text, values, timing),
// so the benchmark can replay exactly the same SQL through plain `pg` as the raw baseline.
import pg from "pg";

export type Recorded = { text: string; values: unknown[]; start: number; end: number };

export class RecordingPool extends pg.Pool {
  recording: Recorded[] | null = null;

  // pg's overloads are many; Prisma's adapter calls query({ text, values, rowMode, types }).
  override query(...args: unknown[]): never {
    const config = args[0] as { text?: string; values?: unknown[] } | string;
    const log = this.recording;
    const start = performance.now();
    const result = (super.query as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    if (log && typeof config === "object" && config.text && result instanceof Promise) {
      void result.then(
        () => log.push({ text: config.text!, values: config.values ?? [], start, end: performance.now() }),
        () => undefined,
      );
    }
    return result as never;
  }
}

/** Groups recorded statements into waves: those that ran at the same time (Promise.all) together. */
export function waves(recorded: readonly Recorded[]): Recorded[][] {
  const sorted = [...recorded].sort((a, b) => a.start - b.start);
  const out: Recorded[][] = [];
  let current: Recorded[] = [];
  let currentEnd = -Infinity;
  for (const r of sorted) {
    if (current.length > 0 && r.start >= currentEnd) {
      out.push(current);
      current = [];
      currentEnd = -Infinity;
    }
    current.push(r);
    currentEnd = Math.max(currentEnd, r.end);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Replays waves of statements on a plain pg pool: each wave in parallel, waves in order. */
export async function replay(pool: pg.Pool, plan: readonly Recorded[][]): Promise<number> {
  let rows = 0;
  for (const wave of plan) {
    const results = await Promise.all(
      wave.map((r) => pool.query({ text: r.text, values: r.values as unknown[], rowMode: "array" })),
    );
    for (const result of results) rows += result.rowCount ?? 0;
  }
  return rows;
}
