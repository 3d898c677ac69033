// A tiny HTTP client for the benchmark: Node's fetch with one cookie jar per session, and the
// next-auth credentials sign-in (GET /api/auth/csrf, POST /api/auth/callback/credentials).
// postJson() is the load generator's request: node:http over a shared keep-alive agent. The load
// generator runs on the same two cores as the server and PostgreSQL, and fetch (undici) cost it
// about 1.9 ms of CPU per request against about 0.6 ms for node:http (docs/performance.md), CPU the
// system under test then did not get.
import http from "node:http";

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });

export class Session {
  private readonly cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly label: string,
  ) {}

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (!pair || index < 0) continue;
      this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
  }

  /** The session's cookies, for a browser (Playwright, Lighthouse) on the same server. */
  cookieList(): { name: string; value: string; url: string }[] {
    return [...this.cookies].map(([name, value]) => ({ name, value, url: this.baseUrl }));
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    const response = await fetch(this.baseUrl + path, { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  /** POST a JSON body with node:http (keep-alive); the status and the whole response body. */
  postJson(path: string, body: string): Promise<{ status: number; text: string }> {
    const url = new URL(this.baseUrl + path);
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent: keepAlive,
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            cookie: this.cookieHeader(),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
          );
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  }

  /** GET and read the whole body (a "full server response"); throws unless 200. */
  async getPage(path: string): Promise<number> {
    const response = await this.request(path);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${this.label} GET ${path}: HTTP ${response.status}`);
    return body.length;
  }

  async signIn(login: string, password: string): Promise<void> {
    const csrf = await this.request("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, login, password, json: "true", callbackUrl: this.baseUrl }),
    });
    await response.text();
    if (![...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token")))
      throw new Error(`sign-in as ${login} failed (HTTP ${response.status})`);
  }
}

export async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs / 1000} s`);
}
