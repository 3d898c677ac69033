import { z } from "zod";

// Runs in the browser before hydration. Zod 4 probes for eval (`new Function("")`) to compile
// fast object parsers; under our Content-Security-Policy (no 'unsafe-eval', decision 006) the
// probe is blocked and reported as a CSP violation. Its interpreted mode is as correct and fast
// enough for forms, and raises no violation. The server (no CSP in Node) keeps the compiled mode.
z.config({ jitless: true });
