// Runs the production server: `next start` in WEB_CONCURRENCY worker processes sharing one port
// (node:cluster), so a 2-core host uses both cores for requests (docs/decisions/011). The app is
// stateless per process (sessions in signed cookies + user_session rows, everything else in
// PostgreSQL), so any worker can serve any request. Each worker's JavaScript heap is capped at
// SERVER_HEAP_MB (default 768): the garbage collector then works before memory piles up, which
// keeps a 200,000-household import under 1 GB per process (docs/performance.md).
//
// Usage: node scripts/serve.mjs [next start options, e.g. -p 3000 -H 127.0.0.1]
import cluster from "node:cluster";
import { createRequire } from "node:module";

const workers = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? "1", 10) || 1);
const heapMb = Math.max(256, Number.parseInt(process.env.SERVER_HEAP_MB ?? "768", 10) || 768);

if (cluster.isPrimary) {
  let stopping = false;
  cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-old-space-size=${heapMb}`] });
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A crashed worker is replaced; the others keep serving meanwhile.
    console.error(JSON.stringify({ level: "error", msg: "server worker exited; restarting", code, signal }));
    cluster.fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Each worker finishes its in-flight requests (the app's graceful shutdown) and exits.
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 15_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  process.argv = [process.argv[0], "next", "start", ...process.argv.slice(2)];
  createRequire(import.meta.url)("next/dist/bin/next");
}
