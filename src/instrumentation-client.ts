// Runs in the browser before hydration. Zod 4 probes for eval (`new Function("")`) to compile
// fast object parsers; under our Content-Security-Policy (no 'unsafe-eval', decision 006) the
// probe is blocked and reported as a CSP violation. Its interpreted mode is as correct and fast
// enough for forms, and raises no violation. The server (no CSP in Node) keeps the compiled mode.
//
// Not `import { z } from "zod"; z.config({ jitless: true })`: this file is part of every page's
// first-load JavaScript, and that import shipped all of zod (30 kB gzip, plus ~190 ms of script
// evaluation on a mid-range phone) to pages that never validate in the browser, the ASN pages
// among them (docs/performance.md). Zod keeps its configuration in
// `globalThis.__zod_globalConfig` and adopts an existing object when it loads
// (zod/v4/core/core.js); setting it here configures zod wherever it is loaded later.
// src/instrumentation-client.test.ts checks that zod still honours this.
type ZodGlobal = { __zod_globalConfig?: Record<string, unknown> };
const zodGlobal = globalThis as ZodGlobal;
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };
export {};
