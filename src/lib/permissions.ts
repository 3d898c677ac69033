// Pure role predicates, usable on server and client. Authorization that depends on data
// (which family, which OPD) lives in src/server/policy.ts as Prisma `where` builders.

export const ROLES = ["ADMIN", "SUPERVISOR", "LEADER", "ASN"] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting, built once per request from the session (src/server/session.ts). */
export type Actor = {
  id: string;
  role: Role;
  name: string;
  opdId: number | null;
  /** For a SUPERVISOR who is a camat: the kecamatan code they oversee. */
  supervisedRegionCode: string | null;
  /** Set by the session when the account still has a temporary password (src/server/session.ts). */
  mustChangePassword?: boolean;
};

/** Each role's home; every app page lives under its role's area. */
export const ROLE_HOME: Record<Role, string> = {
  ASN: "/asn",
  ADMIN: "/admin",
  SUPERVISOR: "/pengawas",
  LEADER: "/pimpinan",
};

export const ROLE_LABEL: Record<Role, string> = {
  ASN: "ASN",
  ADMIN: "Admin Bappeda",
  SUPERVISOR: "Pengawas",
  LEADER: "Pimpinan",
};

export function homePathFor(role: Role): string {
  return ROLE_HOME[role];
}

/** Full NIK / No KK are shown only to roles that handle the registry (UU 27/2022: data minimisation). */
export function canSeeFullIdentityNumbers(role: Role): boolean {
  return role === "ADMIN";
}

/** Leaders read aggregates only: no names, addresses or numbers of families. */
export function canSeeHouseholdRecords(role: Role): boolean {
  return role !== "LEADER";
}

export function canManageRegistry(role: Role): boolean {
  return role === "ADMIN";
}

export function canFileVisitReports(role: Role): boolean {
  return role === "ASN";
}

export function canViewDashboard(role: Role): boolean {
  return role === "LEADER" || role === "ADMIN";
}

/**
 * A relative in-app path that is safe to redirect to after sign-in (no open redirects:
 * rejects absolute URLs, protocol-relative `//host` and backslash tricks).
 */
export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  if (value.startsWith("/login") || value.startsWith("/api/")) return null;
  return value;
}
