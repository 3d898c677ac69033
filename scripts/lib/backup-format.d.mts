// Types for backup-format.mjs (tsconfig has allowJs off).
export const BACKUP_FORMAT: string;
export const BACKUP_VERSION: number;

export type BackupHeader = {
  format: string;
  version: number;
  createdAt: string;
  postgres: string;
  schema: string;
  migrations: string[];
  tables: string[];
};

export function backupDatabase(
  databaseUrl: string,
  file: string,
  options?: { log?: (message: string) => void },
): Promise<{ file: string; tables: number; rows: number; bytes: number; ms: number }>;

export function restoreDatabase(
  databaseUrl: string,
  file: string,
  options?: { log?: (message: string) => void },
): Promise<{ tables: number; rows: number; ms: number; migrations: number }>;

export function readBackupHeader(file: string): Promise<BackupHeader>;

export function tableChecksums(
  databaseUrl: string,
): Promise<Record<string, { rows: number; sha256: string }>>;

export function toolDatabase(): Promise<{ url: string; stop: () => Promise<void> }>;
