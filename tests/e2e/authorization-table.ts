// THE authorization table (docs/decisions/013-authorization-matrix-and-fuzzing.md): who may call which server
// action and route handler. tests/e2e/authorization-matrix.spec.ts calls every row with every actor
// and fails when the build has an action, or src/app a route handler, without a row here (or a row
// names something that no longer exists). Adding an action or route means deciding its row.
//
// Actors: signed out; revoked (a session whose account was deactivated after sign-in: the proxy
// lets the token through, the action/route must refuse); temporary (an ASN who must still change a
// temporary password); an ASN; an OPD supervisor; a camat (supervisor of one kecamatan); an admin;
// a leader.

export const ACTORS = [
  "signedOut",
  "revoked",
  "temporary",
  "asn",
  "supervisor",
  "camat",
  "admin",
  "leader",
] as const;
export type ActorKey = (typeof ACTORS)[number];

/**
 * Server actions: "ok" the call does its job (allowed); "404" refused as not found (the DAL's
 * NOT_FOUND, or the action's own not-found answer) and nothing changed; "login" sent to the sign-in
 * page and nothing changed; "pwd" sent to /ganti-sandi and nothing changed.
 */
export type ActionOutcome = "ok" | "404" | "login" | "pwd";
type ActionRow = readonly [
  ActionOutcome,
  ActionOutcome,
  ActionOutcome,
  ActionOutcome,
  ActionOutcome,
  ActionOutcome,
  ActionOutcome,
  ActionOutcome,
];

// prettier-ignore
export const ACTION_TABLE = {
  //                                                              out      revoked  temp   asn    sup    camat  admin  leader
  "src/features/account/actions.ts#changePasswordAction":        ["login", "login", "ok",  "ok",  "ok",  "ok",  "ok",  "ok"],
  "src/features/assignments/actions.ts#bulkAssignAction":        ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/assignments/actions.ts#confirmProposalAction":   ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/assignments/actions.ts#moveAllAction":           ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/follow-ups/actions.ts#changeFollowUpStatusAction": ["login", "login", "pwd", "404", "ok",  "ok",  "ok",  "404"],
  "src/features/follow-ups/actions.ts#changeFollowUpTargetAction": ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/imports/actions.ts#cancelImportAction":          ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/imports/actions.ts#commitImportAction":          ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/registry/actions.ts#changeStatusAction":         ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/registry/actions.ts#saveMemberAction":           ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/registry/actions.ts#searchIdentityAction":       ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/registry/actions.ts#updateHouseholdAction":      ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/roster/actions.ts#createAsnAction":              ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/roster/actions.ts#deactivateAsnAction":          ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/roster/actions.ts#reactivateAsnAction":          ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/roster/actions.ts#resetPasswordAction":          ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/roster/actions.ts#transferAsnAction":            ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/roster/actions.ts#updateAsnAction":              ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/settings/actions.ts#replaceMenuAction":          ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/settings/actions.ts#updateSettingsAction":       ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/settings/actions.ts#upsertPovertyFigureAction":  ["login", "login", "pwd", "404", "404", "404", "ok",  "404"],
  "src/features/visits/actions.ts#submitVisitAction":            ["login", "login", "pwd", "ok",  "404", "404", "404", "404"],
} as const satisfies Record<string, ActionRow>;

export type ActionKey = keyof typeof ACTION_TABLE;

/** Route handlers: the HTTP status each actor gets ("/api/visits POST"; path as in src/app or src/pages/api). */
type RouteRow = readonly [number, number, number, number, number, number, number, number];

// prettier-ignore
export const ROUTE_TABLE = {
  //                                           out  revoked temp asn  sup  camat admin leader
  "/api/admin/imports POST":                  [401, 401,    404, 404, 404, 404,  202,  404],
  "/api/admin/imports/[batchId] GET":         [401, 401,    404, 404, 404, 404,  200,  404],
  "/api/admin/imports/[batchId]/errors GET":  [401, 401,    404, 404, 404, 404,  200,  404],
  "/api/admin/imports/template GET":          [401, 401,    404, 404, 404, 404,  200,  404],
  "/api/admin/kepatuhan/ekspor GET":          [401, 401,    404, 404, 404, 404,  200,  404],
  "/api/auth/[...nextauth] GET":              [200, 200,    200, 200, 200, 200,  200,  200],
  "/api/auth/[...nextauth] POST":             [302, 302,    302, 302, 302, 302,  302,  302],
  "/api/health GET":                          [200, 200,    200, 200, 200, 200,  200,  200],
  "/api/pengawas/kepatuhan/ekspor GET":       [401, 401,    404, 404, 200, 200,  404,  404],
  "/api/pimpinan/xlsx GET":                   [401, 401,    404, 404, 404, 404,  200,  200],
  "/api/visits POST":                         [401, 401,    401, 201, 404, 404,  404,  404],
  "/api/visits/[visitId]/photo GET":          [401, 401,    401, 200, 200, 200,  200,  404],
  "/serwist/[path] GET":                      [200, 200,    200, 200, 200, 200,  200,  200],
} as const satisfies Record<string, RouteRow>;

export type RouteKey = keyof typeof ROUTE_TABLE;

/** A row as { actor: outcome }. */
export function byActor<T>(row: readonly T[]): Record<ActorKey, T> {
  return Object.fromEntries(ACTORS.map((actor, i) => [actor, row[i]!])) as Record<ActorKey, T>;
}
