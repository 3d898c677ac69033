import { describe, expect, it } from "vitest";
import {
  canFileVisitReports,
  canManageRegistry,
  canSeeFullIdentityNumbers,
  canSeeHouseholdRecords,
  canViewDashboard,
  homePathFor,
  ROLES,
  safeCallbackPath,
} from "./permissions";

describe("role predicates", () => {
  it("sends each role to its own home", () => {
    expect(ROLES.map(homePathFor)).toEqual(["/admin", "/pengawas", "/pimpinan", "/asn"]);
  });

  it("shows full NIK/KK to admins only", () => {
    expect(ROLES.filter(canSeeFullIdentityNumbers)).toEqual(["ADMIN"]);
  });

  it("keeps leaders away from household records", () => {
    expect(ROLES.filter((r) => !canSeeHouseholdRecords(r))).toEqual(["LEADER"]);
  });

  it("lets only ASN file visit reports and only admins manage the registry", () => {
    expect(ROLES.filter(canFileVisitReports)).toEqual(["ASN"]);
    expect(ROLES.filter(canManageRegistry)).toEqual(["ADMIN"]);
  });

  it("opens the dashboard to leaders and admins", () => {
    expect(ROLES.filter(canViewDashboard)).toEqual(["ADMIN", "LEADER"]);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/asn/keluarga/abc", "/asn/keluarga/abc"],
    ["/admin?tab=1", "/admin?tab=1"],
  ])("keeps in-app path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "",
    null,
    undefined,
    "/login",
    "/api/auth/signout",
    "asn",
  ])("rejects %s", (input) => {
    expect(safeCallbackPath(input)).toBeNull();
  });
});
