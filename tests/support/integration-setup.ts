import { inject } from "vitest";

// Runs before each integration test file is imported, so the DAL's client (src/server/db.ts)
// connects to the test database.
process.env.DATABASE_URL = inject("databaseUrl");
