// Types for migrate.mjs (tsconfig has allowJs off).
export const MIGRATIONS_DIR: string;

export function readMigrations(): Promise<{ name: string; sql: string; checksum: string }[]>;

export function migrate(
  databaseUrl: string,
  options?: { log?: (message: string) => void; until?: string },
): Promise<{ applied: string[] }>;
