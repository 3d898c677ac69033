import { defineConfig } from "prisma/config";

// The Prisma 7 CLI tries to download its native schema engine on most commands; this machine
// (and CI) has no route to it. generate/validate/format work without it. See docs/decisions/004.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/asn_berbagi",
  },
});
