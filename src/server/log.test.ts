import { describe, expect, it } from "vitest";
import { formatLogLine, redact } from "./log";

const NIK = "3510124505800001";
const KK = "3510120101240007";
const NIP = "198609262015051001";

describe("redact", () => {
  it("masks every run of 16 or more digits in text, keeps shorter numbers", () => {
    const text = `NIK ${NIK} KK=${KK}, NIP ${NIP}; RT 003 RW 012, desa 3510122001, Rp 150000`;
    const out = redact(text) as string;
    expect(out).not.toMatch(/\d{16}/);
    expect(out).toContain("RT 003 RW 012");
    expect(out).toContain("3510122001");
    expect(out).toContain("150000");
    expect(out.match(/\[disamarkan\]/g)).toHaveLength(3);
  });

  it("masks the values of secret and identity keys at any depth, whatever their case", () => {
    const out = redact({
      user: { name: "Siti", password: "rahasia", passwordHash: "$argon2id$x", tokenVersion: 3 },
      headers: { Authorization: "Bearer abc", cookie: "next-auth.session-token=xyz", "x-request-id": "r1" },
      household: { headNik: "bukan angka", kkNumber: "x", nik: 123, address: "Jl. Mawar" },
      apiKey: "k",
      NEXTAUTH_SECRET: "s",
    });
    expect(out).toEqual({
      user: {
        name: "Siti",
        password: "[disamarkan]",
        passwordHash: "[disamarkan]",
        tokenVersion: "[disamarkan]",
      },
      headers: { Authorization: "[disamarkan]", cookie: "[disamarkan]", "x-request-id": "r1" },
      household: {
        headNik: "[disamarkan]",
        kkNumber: "[disamarkan]",
        nik: "[disamarkan]",
        address: "Jl. Mawar",
      },
      apiKey: "[disamarkan]",
      NEXTAUTH_SECRET: "[disamarkan]",
    });
  });

  it("masks identity numbers inside arrays, numbers and bigints", () => {
    expect(redact([NIK, 3510124505800001, BigInt(KK), 42])).toEqual([
      "[disamarkan]",
      "[disamarkan]",
      "[disamarkan]",
      42,
    ]);
  });

  it("survives circular structures and binary data", () => {
    const node: Record<string, unknown> = { name: "a", bytes: new Uint8Array(10) };
    node.self = node;
    expect(redact(node)).toEqual({ name: "a", bytes: "[10 bytes]", self: "[circular]" });
  });
});

describe("formatLogLine", () => {
  it("writes one JSON line with time, level, msg, request id and the fields, redacted", () => {
    const line = formatLogLine(
      "info",
      `visit for ${NIK} stored`,
      { requestId: "req-1", count: 2 },
      new Date(0),
    );
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      time: "1970-01-01T00:00:00.000Z",
      level: "info",
      msg: "visit for [disamarkan] stored",
      requestId: "req-1",
      count: 2,
    });
  });

  it("serializes an error with name, message, code, stack and cause, all redacted", () => {
    const cause = Object.assign(new Error(`duplicate key (nik)=(${NIK})`), { code: "23505" });
    const error = Object.assign(new Error(`import of KK ${KK} failed`, { cause }), { digest: "123abc" });
    const parsed = JSON.parse(formatLogLine("error", "import failed", { error, requestId: "r" }));
    expect(parsed.level).toBe("error");
    expect(parsed.error.name).toBe("Error");
    expect(parsed.error.message).toBe("import of KK [disamarkan] failed");
    expect(parsed.error.digest).toBe("123abc");
    expect(parsed.error.stack).toContain("log.test.ts");
    expect(parsed.error.cause).toMatchObject({
      code: "23505",
      message: "duplicate key (nik)=([disamarkan])",
    });
    expect(JSON.stringify(parsed)).not.toMatch(/\d{16}/);
  });

  it("logs a thrown non-Error value as text, redacted", () => {
    const parsed = JSON.parse(formatLogLine("error", "x", { error: `bad ${NIK}` }));
    expect(parsed.error).toEqual({ name: "NonError", message: "bad [disamarkan]" });
  });
});
