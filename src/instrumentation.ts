import type { Instrumentation } from "next";

// Server-side observability (docs/decisions/006). Node.js runtime only: the logger and the
// database client are Node modules; the proxy (edge-compatible) logs nothing.

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logShutdownSignals } = await import("./server/log");
  logShutdownSignals();
}

/** Every error Next captures while rendering, in a route handler, a server action or the proxy. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./server/log");
  const requestId = request.headers["x-request-id"];
  log.error("request failed", {
    requestId: Array.isArray(requestId) ? requestId[0] : requestId,
    method: request.method,
    // The path without its query string: search parameters may carry personal data.
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    error,
  });
};
