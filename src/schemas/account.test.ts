import { describe, expect, it } from "vitest";
import { changePasswordSchema, PASSWORD_MESSAGES, passwordPolicyIssues } from "./account";

describe("passwordPolicyIssues", () => {
  it("accepts a long enough password with letters", () => {
    expect(passwordPolicyIssues("Kopi-Pagi-2026", { nip: "198609262015051001" })).toEqual([]);
  });

  it("rejects short, demo, all-digit passwords and those containing the NIP or username", () => {
    expect(passwordPolicyIssues("")).toEqual([PASSWORD_MESSAGES.required]);
    expect(passwordPolicyIssues("abc123")).toContain(PASSWORD_MESSAGES.tooShort);
    expect(passwordPolicyIssues("Berbagi-Demo")).toContain(PASSWORD_MESSAGES.demo);
    expect(passwordPolicyIssues("12345678901234")).toContain(PASSWORD_MESSAGES.allDigits);
    expect(passwordPolicyIssues("a19860926 201505 1 001", { nip: "198609262015051001" })).toContain(
      PASSWORD_MESSAGES.containsNip,
    );
    expect(passwordPolicyIssues("Camat.Genteng-2026", { username: "camat.genteng" })).toContain(
      PASSWORD_MESSAGES.containsUsername,
    );
  });
});

describe("changePasswordSchema", () => {
  const schema = changePasswordSchema({ nip: "198609262015051001" });

  it("requires the new password twice, different from the current one", () => {
    const mismatch = schema.safeParse({
      currentPassword: "Sementara-123",
      newPassword: "Kopi-Pagi-2026",
      confirmPassword: "Kopi-Pagi-2027",
    });
    expect(mismatch.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["confirmPassword", PASSWORD_MESSAGES.mismatch],
    ]);
    const same = schema.safeParse({
      currentPassword: "Kopi-Pagi-2026",
      newPassword: "Kopi-Pagi-2026",
      confirmPassword: "Kopi-Pagi-2026",
    });
    expect(same.error?.issues[0]?.message).toBe(PASSWORD_MESSAGES.sameAsCurrent);
    expect(
      schema.safeParse({
        currentPassword: "Sementara-123",
        newPassword: "Kopi-Pagi-2026",
        confirmPassword: "Kopi-Pagi-2026",
      }).success,
    ).toBe(true);
  });
});
