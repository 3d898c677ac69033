// Types for embedded-db.mjs (tsconfig has allowJs off).
export interface EmbeddedPostgres {
  url: string;
  stop: () => Promise<void>;
}

export function startEmbeddedPostgres(options?: {
  dataDir?: string;
  port?: number;
  persistent?: boolean;
}): Promise<EmbeddedPostgres>;
