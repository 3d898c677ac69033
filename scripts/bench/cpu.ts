// CPU time per process tree, read from /proc (Linux), for the load test's per-report CPU split:
// on a shared or virtual machine the throughput moves with the neighbours' load, the CPU each
// report costs does not (docs/performance.md).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

type ProcStat = { pid: number; ppid: number; seconds: number };

function readStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      // utime + stime, plus cutime + cstime: children it has reaped (a PostgreSQL backend or an
      // autovacuum worker that ended) stay counted in their parent.
      const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      stats.push({ pid: Number(entry), ppid: Number(fields[1]), seconds: ticks / TICKS_PER_SECOND });
    } catch {
      // the process ended while we read
    }
  }
  return stats;
}

/**
 * CPU seconds (user + system) used so far by each root process and its descendants, live or
 * ended and reaped within the tree.
 */
export function processTreeCpuSeconds(roots: Record<string, number | null>): Record<string, number | null> {
  if (!existsSync("/proc/self/stat")) return Object.fromEntries(Object.keys(roots).map((k) => [k, null]));
  const stats = readStats();
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const byPid = new Map(stats.map((s) => [s.pid, s]));
  const sumTree = (pid: number): number =>
    (byPid.get(pid)?.seconds ?? 0) + (children.get(pid) ?? []).reduce((sum, c) => sum + sumTree(c.pid), 0);
  return Object.fromEntries(
    Object.entries(roots).map(([name, pid]) => [name, pid && byPid.has(pid) ? sumTree(pid) : null]),
  );
}

/**
 * The postmaster of a PostgreSQL data directory on this machine listening on `port`, or null
 * (an external server, or another cluster on that port).
 */
export function postmasterPid(dataDir: string, port: number): number | null {
  try {
    const lines = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
    return Number(lines[3]) === port ? Number(lines[0]) : null;
  } catch {
    return null;
  }
}
