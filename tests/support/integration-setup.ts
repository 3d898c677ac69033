import { inject } from "vitest";

// Runs before each integration test file is imported, so the DAL's client (src/server/db.ts)
// connects to the test database, and sign-in (which keys its throttle with an HMAC) has a secret.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789abcdef0123";
