import { beforeEach, describe, expect, it, vi } from "vitest";

// src/instrumentation-client.ts configures zod without importing it: through the global object zod
// adopts when it loads. A zod upgrade that renamed or dropped that global would bring back the CSP
// violation on every page that validates in the browser; this test fails first.
describe("instrumentation-client", () => {
  beforeEach(() => {
    vi.resetModules();
    delete (globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig;
  });

  it("switches zod to its jitless mode before zod is loaded", async () => {
    await import("./instrumentation-client");
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
    // Both zod entry points the app uses share that configuration.
    const core = await import("zod/v4/core");
    expect(core.globalConfig.jitless).toBe(true);
  });

  it("parses objects in the jitless mode without calling Function", async () => {
    await import("./instrumentation-client");
    const { z } = await import("zod");
    const spy = vi.spyOn(globalThis, "Function");
    const schema = z.object({ name: z.string().min(1), count: z.number().int() });
    expect(schema.parse({ name: "Siti", count: 2 })).toEqual({ name: "Siti", count: 2 });
    expect(schema.safeParse({ name: "", count: 1.5 }).success).toBe(false);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it("keeps settings another module made before it ran", async () => {
    (globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig = { customError: undefined, x: 1 };
    await import("./instrumentation-client");
    expect((globalThis as { __zod_globalConfig?: Record<string, unknown> }).__zod_globalConfig).toEqual({
      customError: undefined,
      x: 1,
      jitless: true,
    });
  });
});
