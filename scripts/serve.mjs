// Runs the production server: `next start` in WEB_CONCURRENCY worker processes sharing one port
// (node:cluster), so a 2-core host uses both cores for requests (docs/decisions/011). The app is
// stateless per process (sessions in signed cookies, everything else in PostgreSQL), so any worker
// can serve any request. WEB_CONCURRENCY=1 (or unset) runs `next start` in this process.
//
// Usage: node scripts/serve.mjs [next start options, e.g. -p 3000 -H 127.0.0.1]
import cluster from "node:cluster";
import { createRequire } from "node:module";

const workers = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? "1", 10) || 1);

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A crashed worker is replaced; the others keep serving meanwhile.
    console.error(JSON.stringify({ level: "error", msg: "worker exited", code, signal }));
    fork();
  });
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    // Each worker finishes its in-flight requests (Next's own SIGTERM handling) and exits.
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 15_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGTERM"));
} else {
  process.argv = [process.argv[0], "next", "start", ...process.argv.slice(2)];
  createRequire(import.meta.url)("next/dist/bin/next");
}
