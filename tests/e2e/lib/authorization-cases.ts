import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { familyRows, HOUSEHOLD_HEADERS, toCsv } from "../../support/import-fixtures";
import type { ActionKey, ActionOutcome, ActorKey, RouteKey } from "../authorization-table";
import { sql, visitReport, waitForPreview, type World } from "./fixture-world";
import type { ActionReply } from "./server-actions";

// How to call each server action and route handler of the authorization table: the arguments of a
// call that succeeds for an allowed actor, what success looks like, and calls that point just
// outside an actor's scope. Shared by the authorization matrix and the fuzz test.

export const IDLE = { status: "idle" };
export const NOT_FOUND = "Data tidak ditemukan.";

export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

// ---------------------------------------------------------------------------------------------
// How to call each action

export type ActionCase = {
  /** The arguments of a call that succeeds for `actor` (one of the allowed); refused actors send the first allowed actor's. */
  args: (w: World, actor: ActorKey) => unknown[] | Promise<unknown[]>;
  /** Arguments for refused actors when the allowed call would be a no-op (settings): a real change. */
  refusedArgs?: (w: World) => unknown[] | Promise<unknown[]>;
  /** null when the allowed call did its job, else what went wrong. */
  succeeded: (reply: ActionReply, actor: ActorKey) => string | null;
  /** Whether a successful call changes data (the world's fingerprint). */
  writes: boolean;
  /** The action's answer to a NOT_FOUND (default "Data tidak ditemukan."); null: it answers nothing. */
  notFound?: string | null;
  /** Right role, record outside the actor's scope: must be a 404 and change nothing. */
  crossScope?: Partial<Record<ActorKey, { label: string; args: (w: World) => unknown[] }[]>>;
  /** Undo what the allowed call did to the actor itself (so its session keeps working). */
  restore?: (w: World, actor: ActorKey) => Promise<void>;
};

const success = (message?: string | RegExp) => (reply: ActionReply) => {
  const result = reply.result as { status?: string; message?: string } | undefined;
  if (result?.status !== "success") return `expected success, got ${describe(reply)}`;
  if (
    message &&
    !(typeof message === "string" ? result.message === message : message.test(result.message ?? ""))
  )
    return `unexpected message: ${result.message}`;
  return null;
};

const redirectsTo = (pattern: RegExp) => (reply: ActionReply) =>
  reply.redirect && pattern.test(reply.redirect)
    ? null
    : `expected a redirect to ${pattern}, got ${describe(reply)}`;

const asnForm = (w: World, user: keyof World["users"], name: string) => ({
  nip: w.users[user].nip!,
  name,
  opdId: String(w.opd.own),
  position: "",
  phone: "",
  quota: "",
  workKecamatanCode: "",
  homeKecamatanCode: "",
});

async function currentSettings(): Promise<Record<string, string>> {
  const [s] = await sql<{
    cadence: string;
    late_report_limit_days: number;
    default_quota: number;
    gps_flag_distance_meters: number;
    poverty_target_percent: string | null;
    local_aid_programmes: string[];
  }>(`SELECT * FROM programme_settings WHERE id = 1`);
  return {
    cadence: s!.cadence,
    lateReportLimitDays: String(s!.late_report_limit_days),
    defaultQuota: String(s!.default_quota),
    gpsFlagDistanceMeters: String(s!.gps_flag_distance_meters),
    povertyTargetPercent: s!.poverty_target_percent ?? "",
    localAidProgrammes: s!.local_aid_programmes.join("\n"),
  };
}

async function currentMenu() {
  const rows = await sql<{ name: string; unit: string; q: string; v: number }>(
    `SELECT name, unit, default_quantity::text AS q, default_value_rupiah AS v FROM menu_item ORDER BY position`,
  );
  return rows.map((r) => ({
    name: r.name,
    unit: r.unit,
    defaultQuantity: Number(r.q),
    defaultValueRupiah: r.v,
  }));
}

async function latestPovertyFigure() {
  const [f] = await sql<{ year: number; p: string; people: number | null; source: string; status: string }>(
    `SELECT year, percent_poor::text AS p, poor_people AS people, source, status FROM poverty_figure ORDER BY year DESC LIMIT 1`,
  );
  return f!;
}

/** Follow-up transitions of the allowed actors, in ACTORS order: open → in progress → resolved → open. */
const FOLLOW_UP_STEP: Partial<Record<ActorKey, string>> = {
  supervisor: "IN_PROGRESS",
  camat: "RESOLVED",
  admin: "OPEN",
};

export const ACTION_CASES: Record<ActionKey, ActionCase> = {
  "src/features/account/actions.ts#changePasswordAction": {
    // The temporary account really changes its password; everyone else proves the DAL ran for
    // them with a wrong current password (audited), so their sessions survive.
    args: (w, actor) => {
      const fresh = `Sandi-baru-${w.run}-ok`;
      const current = actor === "temporary" ? w.password : "bukan-sandi-ini";
      return [IDLE, form({ currentPassword: current, newPassword: fresh, confirmPassword: fresh })];
    },
    succeeded: (reply, actor) =>
      actor === "temporary"
        ? success(/Kata sandi berhasil diganti/)(reply)
        : (reply.result as { message?: string } | undefined)?.message === "Kata sandi saat ini salah."
          ? null
          : `expected "Kata sandi saat ini salah.", got ${describe(reply)}`,
    writes: true,
    restore: async (w, actor) => {
      if (actor !== "temporary") return;
      // Back to the temporary password and the token version of the open session.
      await sql(
        `UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE id = $2),
                must_change_password = true, token_version = token_version - 1
          WHERE id = $1 AND NOT must_change_password`,
        [w.users.temporary.id, w.users.asn.id],
      );
    },
  },
  "src/features/assignments/actions.ts#bulkAssignAction": {
    args: (w) => [
      IDLE,
      form({
        asnNip: w.users.destination.nip!,
        householdIds: [w.households.free1.id],
        reason: "Uji penugasan",
      }),
    ],
    succeeded: success(/1 keluarga ditugaskan/),
    writes: true,
  },
  "src/features/assignments/actions.ts#confirmProposalAction": {
    args: (w) => [
      IDLE,
      form({ include: w.households.free2.id, [`nip:${w.households.free2.id}`]: w.users.destination.nip! }),
    ],
    succeeded: success("1 keluarga ditugaskan."),
    writes: true,
  },
  "src/features/assignments/actions.ts#moveAllAction": {
    args: (w) => [
      w.users.moveFrom.id,
      IDLE,
      form({ toNip: w.users.destination.nip!, reason: "Uji pindah semua" }),
    ],
    succeeded: success(/1 keluarga dipindahkan/),
    writes: true,
    crossScope: {
      admin: [
        {
          label: "a leader's account as the source",
          args: (w) => [
            w.users.leader.id,
            IDLE,
            form({ toNip: w.users.destination.nip!, reason: "Uji pindah" }),
          ],
        },
      ],
    },
  },
  "src/features/follow-ups/actions.ts#changeFollowUpStatusAction": {
    args: (w, actor) => [
      IDLE,
      form({
        followUpId: w.followUps.inScope,
        toStatus: FOLLOW_UP_STEP[actor]!,
        note: "Uji status tindak lanjut",
      }),
    ],
    succeeded: success("Status tindak lanjut diperbarui."),
    writes: true,
    crossScope: {
      supervisor: [
        {
          label: "another OPD's follow-up, another kecamatan",
          args: (w) => [
            IDLE,
            form({ followUpId: w.followUps.outOfScope, toStatus: "IN_PROGRESS", note: "Uji" }),
          ],
        },
        {
          label: "another OPD's follow-up in a kecamatan with own staff",
          args: (w) => [
            IDLE,
            form({ followUpId: w.followUps.otherOpdInside, toStatus: "IN_PROGRESS", note: "Uji" }),
          ],
        },
      ],
      camat: [
        {
          label: "a follow-up of a family in another kecamatan",
          args: (w) => [
            IDLE,
            form({ followUpId: w.followUps.outOfScope, toStatus: "IN_PROGRESS", note: "Uji" }),
          ],
        },
        {
          label: "a follow-up for the camat's OPD... of a family elsewhere",
          args: (w) => [
            IDLE,
            form({ followUpId: w.followUps.ownOpdOutside, toStatus: "IN_PROGRESS", note: "Uji" }),
          ],
        },
      ],
    },
  },
  "src/features/follow-ups/actions.ts#changeFollowUpTargetAction": {
    args: (w) => [
      IDLE,
      form({ followUpId: w.followUps.route, targetOpdId: String(w.opd.other), note: "Uji pindah OPD" }),
    ],
    succeeded: success("OPD tujuan diperbarui."),
    writes: true,
  },
  "src/features/imports/actions.ts#cancelImportAction": {
    args: (w) => [IDLE, form({ batchId: w.failedBatchId })],
    succeeded: redirectsTo(/^\/admin\/impor\/[0-9a-f-]{36}$/),
    writes: true,
    crossScope: {
      admin: [{ label: "an unknown batch", args: () => [IDLE, form({ batchId: randomUUID() })] }],
    },
  },
  "src/features/imports/actions.ts#commitImportAction": {
    args: (w) => [IDLE, form({ batchId: w.importBatchId })],
    succeeded: redirectsTo(/^\/admin\/impor\/[0-9a-f-]{36}$/),
    writes: true,
    crossScope: {
      admin: [{ label: "an unknown batch", args: () => [IDLE, form({ batchId: randomUUID() })] }],
    },
  },
  "src/features/registry/actions.ts#changeStatusAction": {
    args: (w) => [
      IDLE,
      form({ householdId: w.households.status.id, status: "GRADUATED", reason: "Uji perubahan status" }),
    ],
    succeeded: success("Status keluarga diubah."),
    writes: true,
    crossScope: {
      admin: [
        {
          label: "an unknown family",
          args: () => [
            IDLE,
            form({ householdId: randomUUID(), status: "GRADUATED", reason: "Uji perubahan" }),
          ],
        },
      ],
    },
  },
  "src/features/registry/actions.ts#saveMemberAction": {
    args: (w) => [IDLE, form(memberFields(w, w.households.edit.id, ""))],
    succeeded: success("Anggota keluarga ditambahkan."),
    writes: true,
    crossScope: {
      admin: [
        {
          label: "another family's member under this family",
          args: (w) => [IDLE, form(memberFields(w, w.households.edit.id, w.households.foreign.memberId))],
        },
      ],
    },
  },
  "src/features/registry/actions.ts#searchIdentityAction": {
    args: () => [IDLE, form({ nomor: "3510090505750001" })],
    succeeded: redirectsTo(/^\/admin\/keluarga\?nomor=[\w-]{22}$/),
    writes: false,
  },
  "src/features/registry/actions.ts#updateHouseholdAction": {
    args: (w) => [
      IDLE,
      form({
        householdId: w.households.edit.id,
        desaCode: "35.10.09.2002",
        dusun: "Krajan",
        rt: "3",
        rw: "4",
        street: "Jl. Uji",
        latitude: "",
        longitude: "",
        desil: "2",
        category: "MISKIN",
      }),
    ],
    succeeded: success("Data keluarga tersimpan."),
    writes: true,
  },
  "src/features/roster/actions.ts#createAsnAction": {
    args: (w) => [
      IDLE,
      form({
        ...asnForm(w, "asn", `${w.marker} ASN Baru`),
        nip: w.newAsnNip,
        temporaryPassword: `Sementara-${w.run}!`,
      }),
    ],
    succeeded: redirectsTo(/^\/admin\/asn\/[0-9a-f-]{36}\?dibuat=1$/),
    writes: true,
  },
  "src/features/roster/actions.ts#deactivateAsnAction": {
    args: (w) => [w.users.rosterDeactivate.id, IDLE, form({ reason: "Uji nonaktif" })],
    succeeded: redirectsTo(/^\/admin\/asn\/[0-9a-f-]{36}\?dinonaktifkan=0$/),
    writes: true,
    crossScope: {
      admin: [
        {
          label: "a camat's account",
          args: (w) => [w.users.camat.id, IDLE, form({ reason: "Uji nonaktif" })],
        },
      ],
    },
  },
  "src/features/roster/actions.ts#reactivateAsnAction": {
    args: (w) => [w.users.rosterInactive.id],
    // Returns nothing either way (the page re-renders): the change itself is the outcome.
    succeeded: (reply) => (reply.status === 200 && !reply.redirect ? null : `unexpected ${describe(reply)}`),
    writes: true,
    notFound: null,
    crossScope: { admin: [{ label: "a leader's account", args: (w) => [w.users.leader.id] }] },
  },
  "src/features/roster/actions.ts#resetPasswordAction": {
    args: (w) => [w.users.rosterReset.id, IDLE, form({ temporaryPassword: `Sementara-${w.run}!` })],
    succeeded: success(/Kata sandi sementara tersimpan/),
    writes: true,
    crossScope: {
      admin: [
        {
          label: "a supervisor's account",
          args: (w) => [w.users.supervisor.id, IDLE, form({ temporaryPassword: `Sementara-${w.run}!` })],
        },
      ],
    },
  },
  "src/features/roster/actions.ts#transferAsnAction": {
    args: (w) => [w.users.rosterTransfer.id, IDLE, form({ opdId: String(w.opd.other) })],
    succeeded: success("Mutasi tersimpan."),
    writes: true,
    crossScope: {
      admin: [
        {
          label: "a leader's account",
          args: (w) => [w.users.leader.id, IDLE, form({ opdId: String(w.opd.other) })],
        },
      ],
    },
  },
  "src/features/roster/actions.ts#updateAsnAction": {
    args: (w) => [w.users.rosterEdit.id, IDLE, form(asnForm(w, "rosterEdit", `ASN Ubah ${w.run} diubah`))],
    succeeded: success("Perubahan tersimpan."),
    writes: true,
    crossScope: {
      admin: [
        {
          label: "a leader's account",
          args: (w) => [w.users.leader.id, IDLE, form(asnForm(w, "rosterEdit", `ASN Ubah ${w.run} diubah`))],
        },
      ],
    },
  },
  "src/features/settings/actions.ts#replaceMenuAction": {
    // The allowed call saves the menu unchanged (other specs rely on it); refused ones would change it.
    args: async () => [IDLE, form({ payload: JSON.stringify(await currentMenu()) })],
    refusedArgs: async (w) => [
      IDLE,
      form({
        payload: JSON.stringify([
          ...(await currentMenu()),
          { name: `${w.marker} menu`, unit: "paket", defaultQuantity: 1, defaultValueRupiah: 1000 },
        ]),
      }),
    ],
    succeeded: success("Tidak ada perubahan."),
    writes: false,
  },
  "src/features/settings/actions.ts#updateSettingsAction": {
    args: async () => [IDLE, form(await currentSettings())],
    refusedArgs: async (w) => {
      const settings = await currentSettings();
      return [IDLE, form({ ...settings, localAidProgrammes: `${settings.localAidProgrammes}\n${w.marker}` })];
    },
    succeeded: success("Tidak ada perubahan."),
    writes: false,
  },
  "src/features/settings/actions.ts#upsertPovertyFigureAction": {
    args: async () => {
      const f = await latestPovertyFigure();
      return [
        IDLE,
        form({
          year: String(f.year),
          percentPoor: f.p,
          poorPeople: f.people === null ? "" : String(f.people),
          source: f.source,
          status: f.status,
        }),
      ];
    },
    refusedArgs: (w) => [
      IDLE,
      form({ year: "2001", percentPoor: "9,99", poorPeople: "", source: w.marker, status: "bappeda" }),
    ],
    succeeded: success("Tidak ada perubahan."),
    writes: false,
  },
  "src/features/visits/actions.ts#submitVisitAction": {
    args: (w) => [form({ payload: JSON.stringify(visitReport(w, w.households.own)) })],
    succeeded: success("Laporan kunjungan terkirim."),
    writes: true,
    notFound:
      "Keluarga ini tidak lagi menjadi keluarga asuhan Anda (sudah dialihkan atau dinonaktifkan). Laporan tidak disimpan.",
    crossScope: {
      asn: [
        {
          label: "another ASN's family",
          args: (w) => [form({ payload: JSON.stringify(visitReport(w, w.households.foreign)) })],
        },
      ],
    },
  },
};

function memberFields(w: World, householdId: string, memberId: string): Record<string, string> {
  return {
    householdId,
    memberId,
    nik: w.newMember.nik,
    name: `${w.marker} Anggota Baru`,
    sex: "MALE",
    birthDate: w.newMember.birthDate,
    relationship: "OTHER",
    schoolParticipation: "",
    disability: "",
    chronicIllness: "",
    jknStatus: "PBI",
    status: "PRESENT",
  };
}

export function describe(reply: ActionReply): string {
  const result = reply.result === undefined ? "" : ` ${JSON.stringify(reply.result).slice(0, 300)}`;
  const redirect = reply.redirect ? ` → ${reply.redirect}` : "";
  const body = reply.result === undefined && !reply.redirect ? ` ${reply.body.slice(0, 200)}` : "";
  return `HTTP ${reply.status}${redirect}${result}${body}`;
}

export function outcomeOf(reply: ActionReply, notFound: string | null): ActionOutcome | "other" {
  if (reply.redirect?.startsWith("/login")) return "login";
  if (reply.redirect?.startsWith("/ganti-sandi")) return "pwd";
  if (reply.redirect) return "other";
  const result = reply.result as { status?: string; message?: string } | undefined;
  if (notFound === null) return reply.status === 200 && result === undefined ? "404" : "other";
  return reply.status === 200 && result?.status === "error" && result.message === notFound ? "404" : "other";
}

// ---------------------------------------------------------------------------------------------
// Route handlers

export type RouteRequest = {
  path: string;
  data?: string | Buffer | Record<string, unknown>;
  headers?: Record<string, string>;
};
export type RouteCase = {
  request: (w: World) => RouteRequest;
  /** What an allowed (2xx) answer must look like; null when fine. */
  check?: (response: APIResponse) => string | null;
  crossScope?: Partial<Record<ActorKey, { label: string; request: (w: World) => RouteRequest }[]>>;
  /** Waits for background work an allowed request started (so later fingerprints are stable). */
  settle?: (response: APIResponse, context: APIRequestContext) => Promise<void>;
};

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const isXlsx = (response: APIResponse) =>
  response.headers()["content-type"]?.startsWith(XLSX)
    ? null
    : `not an XLSX: ${response.headers()["content-type"]}`;

export const ROUTE_CASES: Record<RouteKey, RouteCase> = {
  "/api/admin/imports POST": {
    request: (w) => ({
      path: `/api/admin/imports?kind=keluarga&name=${w.marker}-unggah.csv`,
      data: toCsv(HOUSEHOLD_HEADERS, familyRows(w.importFamily, { size: 1, headName: `${w.marker} Unggah` })),
      headers: { "Content-Type": "text/csv" },
    }),
    settle: async (response, admin) =>
      waitForPreview(admin, (JSON.parse(await response.text()) as { batchId: string }).batchId),
  },
  "/api/admin/imports/[batchId] GET": {
    request: (w) => ({ path: `/api/admin/imports/${w.failedBatchId}` }),
    crossScope: {
      admin: [{ label: "an unknown batch", request: () => ({ path: `/api/admin/imports/${randomUUID()}` }) }],
    },
  },
  "/api/admin/imports/[batchId]/errors GET": {
    request: (w) => ({ path: `/api/admin/imports/${w.importBatchId}/errors` }),
    check: isXlsx,
  },
  "/api/admin/imports/template GET": {
    request: () => ({ path: "/api/admin/imports/template?kind=keluarga" }),
  },
  "/api/admin/kepatuhan/ekspor GET": {
    request: () => ({ path: "/api/admin/kepatuhan/ekspor" }),
    check: isXlsx,
  },
  "/api/auth/[...nextauth] GET": { request: () => ({ path: "/api/auth/session" }) },
  // Without next-auth's CSRF token a sign-out is only a redirect to its confirmation page.
  "/api/auth/[...nextauth] POST": { request: () => ({ path: "/api/auth/signout", data: {} }) },
  "/api/health GET": { request: () => ({ path: "/api/health" }) },
  "/api/pengawas/kepatuhan/ekspor GET": {
    request: () => ({ path: "/api/pengawas/kepatuhan/ekspor" }),
    check: isXlsx,
  },
  "/api/pimpinan/xlsx GET": { request: () => ({ path: "/api/pimpinan/xlsx" }), check: isXlsx },
  "/api/visits POST": {
    request: (w) => ({ path: "/api/visits", data: visitReport(w, w.households.ownApi) }),
    crossScope: {
      asn: [
        {
          label: "another ASN's family",
          request: (w) => ({ path: "/api/visits", data: visitReport(w, w.households.foreign) }),
        },
      ],
    },
  },
  "/api/visits/[visitId]/photo GET": {
    request: (w) => ({ path: `/api/visits/${w.visits.own}/photo` }),
    check: (response) => (response.headers()["content-type"] === "image/png" ? null : "not the photo"),
    crossScope: Object.fromEntries(
      (["asn", "supervisor", "camat"] as const).map((actor) => [
        actor,
        [
          {
            label: "another kecamatan's family, another OPD's ASN",
            request: (w: World) => ({ path: `/api/visits/${w.visits.foreign}/photo` }),
          },
        ],
      ]),
    ),
  },
  "/serwist/[path] GET": { request: () => ({ path: "/serwist/sw.js" }) },
};
