// COPY ... FROM STDIN (text format) through pg-copy-streams, with buffered writes and back-pressure.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type CopyValue = string | number | boolean | null | undefined;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function field(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string")
    return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string) : value;
  if (typeof value === "boolean") return value ? "t" : "f";
  return String(value);
}

/** One COPY into one table. `row()` buffers; `await flushIfFull()` in loops; `await end()` once. */
export class CopyWriter {
  rows = 0;
  private buffer: string[] = [];
  private bufferedChars = 0;
  private readonly stream: Writable;
  private readonly done: Promise<void>;

  constructor(client: pg.PoolClient | pg.Client, table: string, columns: readonly string[]) {
    const cols = columns.map((c) => `"${c}"`).join(", ");
    this.stream = client.query(copyFrom(`COPY "${table}" (${cols}) FROM STDIN`));
    this.done = finished(this.stream);
    // Surface an error from the server (constraint violation...) at the next await.
    this.done.catch(() => undefined);
  }

  row(values: readonly CopyValue[]): void {
    let line = "";
    for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : "\t") + field(values[i]);
    line += "\n";
    this.buffer.push(line);
    this.bufferedChars += line.length;
    this.rows++;
  }

  get full(): boolean {
    return this.bufferedChars >= 1 << 20;
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.bufferedChars = 0;
    if (!this.stream.write(chunk)) {
      await Promise.race([once(this.stream, "drain"), this.done]);
    }
  }

  async flushIfFull(): Promise<void> {
    if (this.full) await this.flush();
  }

  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.done;
    return this.rows;
  }
}

/** One row in COPY text format, newline included. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : "\t") + field(values[i]);
  return `${line}\n`;
}

/** COPY prepared lines into a table on one connection (one statement, one transaction). */
export async function copyLines(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  lines: readonly string[],
): Promise<number> {
  const cols = columns.map((c) => `"${c}"`).join(", ");
  const stream = client.query(copyFrom(`COPY "${table}" (${cols}) FROM STDIN`));
  const done = finished(stream);
  done.catch(() => undefined);
  let chunk: string[] = [];
  let size = 0;
  for (const line of lines) {
    chunk.push(line);
    size += line.length;
    if (size >= 1 << 20) {
      if (!stream.write(chunk.join(""))) await Promise.race([once(stream, "drain"), done]);
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) stream.write(chunk.join(""));
  stream.end();
  await done;
  return lines.length;
}

/**
 * The same, split over several connections that run in parallel: PostgreSQL checks foreign keys
 * row by row (about 80 µs a row here), so two backends on two cores nearly halve the time.
 */
export async function copyLinesParallel(
  clients: readonly (pg.PoolClient | pg.Client)[],
  table: string,
  columns: readonly string[],
  lines: readonly string[],
): Promise<number> {
  const size = Math.ceil(lines.length / clients.length);
  await Promise.all(
    clients.map((client, i) => copyLines(client, table, columns, lines.slice(i * size, (i + 1) * size))),
  );
  return lines.length;
}

/** Runs jobs on a fixed set of connections, at most one job per connection at a time. */
export class ConnectionPool<C> {
  private readonly idle: C[];
  private readonly waiting: ((client: C) => void)[] = [];
  private readonly running = new Set<Promise<void>>();
  private failure: unknown = null;

  constructor(clients: readonly C[]) {
    this.idle = [...clients];
  }

  private acquire(): Promise<C> {
    const client = this.idle.pop();
    if (client !== undefined) return Promise.resolve(client);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(client: C): void {
    const next = this.waiting.shift();
    if (next) next(client);
    else this.idle.push(client);
  }

  /** Waits for a free connection, starts the job on it and returns (the job runs on). */
  async submit(job: (client: C) => Promise<void>): Promise<void> {
    if (this.failure) throw this.failure;
    const client = await this.acquire();
    const run = job(client)
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.running.delete(run);
        this.release(client);
      });
    this.running.add(run);
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    if (this.failure) throw this.failure;
  }
}
