import { randomInt, randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { periodKeyOf, periodKeysBack, periodRange, todayInJakarta } from "../../../src/lib/period";
import { familyRows, HOUSEHOLD_HEADERS, synthNik, toCsv } from "../../support/import-fixtures";
import type { ActorKey } from "../authorization-table";

// A private, throw-away "world" for the security specs: its own accounts for every role, families,
// follow-ups, visits and import batches, all tagged with a run number. The specs never touch the
// demo accounts or their families (other specs use them), every call they expect to be refused
// targets a world record, and "nothing changed" is a fingerprint of the world's rows plus every
// audit entry written by a world account. Other specs' writes cannot change it, so the check holds
// even when specs run in parallel. removeWorld() deletes it all again.

const K_INSIDE = "35.10.09"; // Genteng: the world's camat oversees it
const K_OUTSIDE = "35.10.05"; // Muncar
const DESA_INSIDE = "35.10.09.2001";
const DESA_OUTSIDE = "35.10.05.2001";

export type WorldUser = { id: string; login: string; nip: string | null };
export type WorldHousehold = { id: string; memberId: string; headName: string };

export type World = {
  run: string;
  /** Text that refused calls write (menu names, sources, ...): found anywhere means something changed. */
  marker: string;
  password: string;
  periodKey: string;
  pastPeriodKey: string;
  opd: { own: number; other: number; admin: number; leader: number; camat: number };
  users: Record<
    | "admin"
    | "leader"
    | "supervisor"
    | "camat"
    | "asn"
    | "asnOther"
    | "temporary"
    | "revoked"
    | "rosterEdit"
    | "rosterReset"
    | "rosterDeactivate"
    | "rosterInactive"
    | "rosterTransfer"
    | "moveFrom"
    | "destination",
    WorldUser
  >;
  /** own: the ASN's family in the camat's kecamatan; foreign: another ASN's, in another kecamatan. */
  households: Record<
    "own" | "ownApi" | "foreign" | "free1" | "free2" | "moved" | "edit" | "status",
    WorldHousehold
  >;
  /**
   * inScope: the own family (camat's kecamatan), addressed to the supervisor's OPD; outOfScope: the
   * foreign family (another kecamatan), addressed to another OPD; otherOpdInside: own family, other
   * OPD (camat yes, OPD supervisor no); ownOpdOutside: foreign family, supervisor's OPD (the other
   * way round); route: the admin re-routes it.
   */
  followUps: Record<"inScope" | "outOfScope" | "otherOpdInside" | "ownOpdOutside" | "route", string>;
  /** Earlier visits with a photo each. */
  visits: Record<"own" | "foreign", string>;
  /** A FAILED import batch of the world's admin (cancellable). */
  failedBatchId: string;
  /** The world's household import, analysed to PREVIEW, with one rejected row (openWorld). */
  importBatchId: string;
  /** The idempotency keys of the earlier visits. */
  visitKeys: Record<"own" | "foreign", string>;
  /** A NIP no account has: what createAsnAction would create. */
  newAsnNip: string;
  /** A valid NIK (with its birth date) no member has: what saveMemberAction would add. */
  newMember: { nik: string; birthDate: string };
  /** A file number (familyRows) whose No KK is free: the world's import creates it. */
  importFamily: number;
};

let pool: pg.Pool | undefined;

/** SQL against the e2e database (scripts/with-db.mjs sets DATABASE_URL). */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2, idleTimeoutMillis: 1000 });
  return (await pool.query<T>(text, params)).rows;
}

export async function closeSql(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function freeValues(candidates: string[], table: string, column: string): Promise<string[]> {
  const taken = await sql<{ v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} = ANY($1)`, [
    candidates,
  ]);
  const used = new Set(taken.map((r) => r.v));
  return candidates.filter((c) => !used.has(c));
}

export async function createWorld(): Promise<World> {
  const run = String(randomInt(100_000, 999_999));
  const marker = `MX${run}`;
  const password = `Dunia-uji-${run}`;
  const passwordHash = await hash(password);
  const opdRows = await sql<{ id: number; code: string }>(`SELECT id, code FROM opd`);
  const opdId = (code: string) => {
    const row = opdRows.find((o) => o.code === code);
    if (!row) throw new Error(`reference OPD ${code} missing`);
    return row.id;
  };
  const opd = {
    own: opdId("DISPENDIK"),
    other: opdId("DINSOS"),
    admin: opdId("BAPPEDA"),
    leader: opdId("SETDA"),
    camat: opdId("KEC_GENTENG"),
  };
  const [settings] = await sql<{ cadence: "WEEKLY" | "MONTHLY" }>(
    `SELECT cadence::text AS cadence FROM programme_settings WHERE id = 1`,
  );
  const cadence = settings?.cadence ?? "WEEKLY";
  const periodKey = periodKeyOf(new Date(), cadence);
  const pastPeriodKey = periodKeysBack(periodKey, 10)[0]!;

  // --- accounts
  let nipIndex = 0;
  const nip = () => `97${run}${String(nipIndex++).padStart(2, "0")}00000001`;
  type UserSpec = {
    role: "ADMIN" | "SUPERVISOR" | "LEADER" | "ASN";
    opdId: number;
    name: string;
    work?: string;
    supervised?: string;
    mustChange?: boolean;
    active?: boolean;
    quota?: number;
  };
  const asn = (name: string, extra: Partial<UserSpec> = {}): UserSpec => ({
    role: "ASN",
    opdId: opd.own,
    name,
    work: K_INSIDE,
    ...extra,
  });
  const specs: Record<keyof World["users"], UserSpec> = {
    admin: { role: "ADMIN", opdId: opd.admin, name: "Admin Uji Matriks" },
    leader: { role: "LEADER", opdId: opd.leader, name: "Pimpinan Uji Matriks" },
    supervisor: { role: "SUPERVISOR", opdId: opd.own, name: "Pengawas Uji Matriks" },
    camat: { role: "SUPERVISOR", opdId: opd.camat, name: "Camat Uji Matriks", supervised: K_INSIDE },
    asn: asn("ASN Uji Matriks"),
    asnOther: asn("ASN Lain Uji Matriks", { opdId: opd.other, work: K_OUTSIDE }),
    temporary: asn("ASN Sandi Sementara Uji", { mustChange: true }),
    revoked: asn("ASN Dicabut Uji"),
    rosterEdit: asn("ASN Ubah Uji"),
    rosterReset: asn("ASN Reset Uji"),
    rosterDeactivate: asn("ASN Nonaktif Uji"),
    rosterInactive: asn("ASN Tidak Aktif Uji", { active: false }),
    rosterTransfer: asn("ASN Mutasi Uji"),
    moveFrom: asn("ASN Asal Uji"),
    destination: asn("ASN Tujuan Uji", { quota: 50 }),
  };
  const users = {} as World["users"];
  for (const [key, spec] of Object.entries(specs) as [keyof World["users"], UserSpec][]) {
    const id = randomUUID();
    const asnNip = spec.role === "ASN" ? nip() : null;
    const username = spec.role === "ASN" ? null : `mx${run}-${key.toLowerCase()}`;
    await sql(
      `INSERT INTO app_user (id, role, username, nip, employment_type, name, password_hash,
         must_change_password, is_active, token_version, opd_id, quota, work_kecamatan_code,
         home_kecamatan_code, supervised_region_code, updated_at)
       VALUES ($1, $2::"Role", $3, $4, $5::"EmploymentType", $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, now())`,
      [
        id,
        spec.role,
        username,
        asnNip,
        asnNip ? "PPPK" : null,
        `${spec.name} ${run}`,
        passwordHash,
        spec.mustChange ?? false,
        spec.active ?? true,
        spec.active === false ? 1 : 0,
        spec.opdId,
        spec.quota ?? null,
        spec.work ?? null,
        spec.supervised ?? null,
      ],
    );
    users[key] = { id, login: asnNip ?? username!, nip: asnNip };
  }

  // --- families (one adult head each; member NIKs outside any province code: never valid, never taken)
  let nikIndex = 0;
  const households = {} as World["households"];
  const place: Record<keyof World["households"], { desa: string; asnId: string | null }> = {
    own: { desa: DESA_INSIDE, asnId: users.asn.id },
    ownApi: { desa: DESA_INSIDE, asnId: users.asn.id },
    foreign: { desa: DESA_OUTSIDE, asnId: users.asnOther.id },
    free1: { desa: DESA_INSIDE, asnId: null },
    free2: { desa: DESA_INSIDE, asnId: null },
    moved: { desa: DESA_INSIDE, asnId: users.moveFrom.id },
    edit: { desa: DESA_INSIDE, asnId: null },
    status: { desa: DESA_INSIDE, asnId: null },
  };
  for (const [key, where] of Object.entries(place) as [keyof World["households"], (typeof place)["own"]][]) {
    const id = randomUUID();
    const memberId = randomUUID();
    const number = `00${run}${String(nikIndex++).padStart(8, "0")}`;
    const headName = `${marker} Kepala ${key}`;
    await sql(
      `INSERT INTO household (id, kk_number, head_name, head_nik, desa_code, kecamatan_code, status, source, updated_at)
       VALUES ($1, $2, $3, $2, $4::varchar, left($4::varchar, 8), 'ACTIVE', 'Uji keamanan', now())`,
      [id, number, headName, where.desa],
    );
    await sql(
      `INSERT INTO household_member (id, household_id, nik, name, sex, birth_date, relationship, jkn_status, status, updated_at)
       VALUES ($1, $2, $3, $4, 'MALE', '1970-05-05', 'HEAD', 'PBI', 'PRESENT', now())`,
      [memberId, id, number, headName],
    );
    if (where.asnId)
      await sql(`INSERT INTO assignment (household_id, asn_id, reason) VALUES ($1, $2, 'Uji keamanan')`, [
        id,
        where.asnId,
      ]);
    households[key] = { id, memberId, headName };
  }

  // --- follow-ups
  const followUp = async (householdId: string, targetOpd: number, type: string) => {
    const id = randomUUID();
    await sql(
      `INSERT INTO follow_up (id, household_id, type, target_opd_id, status, detail, updated_at)
       VALUES ($1, $2, $3::"FollowUpType", $4, 'OPEN', 'Uji keamanan', now())`,
      [id, householdId, type, targetOpd],
    );
    return id;
  };
  const followUps = {
    inScope: await followUp(households.own.id, opd.own, "NO_ROUTINE_AID"),
    outOfScope: await followUp(households.foreign.id, opd.other, "NO_ROUTINE_AID"),
    otherOpdInside: await followUp(households.own.id, opd.other, "ELDERLY_ALONE"),
    ownOpdOutside: await followUp(households.foreign.id, opd.own, "ELDERLY_ALONE"),
    route: await followUp(households.own.id, opd.own, "REGISTRY_UPDATE"),
  };

  // --- earlier visits, each with a photo
  const visitKeys = { own: randomUUID(), foreign: randomUUID() };
  const visit = async (household: WorldHousehold, asnId: string, key: string) => {
    const id = randomUUID();
    await sql(
      `INSERT INTO visit (id, household_id, asn_id, period_key, visit_date, delivered, checklist, idempotency_key, updated_at)
       VALUES ($1, $2, $3, $4, $5, true, '{"version":1}', $6, now())`,
      [id, household.id, asnId, pastPeriodKey, periodRange(pastPeriodKey).firstDay, key],
    );
    await sql(
      `INSERT INTO visit_photo (visit_id, mime_type, size_bytes, sha256, data)
       VALUES ($1, 'image/png', $2, encode(sha256($3), 'hex'), $3)`,
      [id, ONE_PIXEL_PNG.length, ONE_PIXEL_PNG],
    );
    return id;
  };
  const visits = {
    own: await visit(households.own, users.asn.id, visitKeys.own),
    foreign: await visit(households.foreign, users.asnOther.id, visitKeys.foreign),
  };

  const failedBatchId = randomUUID();
  await sql(
    `INSERT INTO import_batch (id, kind, file_name, uploaded_by_id, counts, status, failure_message)
     VALUES ($1, 'HOUSEHOLDS', 'uji-gagal.csv', $2, '{}', 'FAILED', 'Uji keamanan')`,
    [failedBatchId, users.admin.id],
  );

  const [newAsnNip] = await freeValues([nip()], "app_user", "nip");
  const births = Array.from({ length: 20 }, (_, i) => `1971-0${1 + (i % 9)}-1${i % 10}`);
  const niks = births.map((birth) => synthNik(9, birth, false, 9000 + randomInt(0, 999)));
  const [newMemberNik] = await freeValues(niks, "household_member", "nik");
  const importCandidates = Array.from({ length: 20 }, () => randomInt(1000, 1699));
  const freeKk = await freeValues(
    importCandidates.map((n) => familyRows(n, { size: 1 })[0]!["No KK"]),
    "household",
    "kk_number",
  );
  const importFamily = importCandidates.find((n) => freeKk.includes(familyRows(n, { size: 1 })[0]!["No KK"]));
  if (!newAsnNip || !newMemberNik || importFamily === undefined) throw new Error("no free fixture numbers");
  const newMember = { nik: newMemberNik, birthDate: births[niks.indexOf(newMemberNik)]! };

  return {
    run,
    marker,
    password,
    periodKey,
    pastPeriodKey,
    opd,
    users,
    households,
    followUps,
    visits,
    failedBatchId,
    importBatchId: "",
    visitKeys,
    newAsnNip,
    newMember,
    importFamily,
  };
}

export type OpenWorld = {
  world: World;
  /** A request context per actor of the authorization table, signed in through next-auth. */
  sessions: Record<ActorKey, APIRequestContext>;
  close: () => Promise<void>;
};

const ACCOUNT_OF: Record<Exclude<ActorKey, "signedOut">, keyof World["users"]> = {
  revoked: "revoked",
  temporary: "temporary",
  asn: "asn",
  supervisor: "supervisor",
  camat: "camat",
  admin: "admin",
  leader: "leader",
};

/**
 * Creates a world, signs every actor in, revokes the "revoked" account behind its open session,
 * and uploads the world's household import (two rows, one rejected) up to its preview.
 */
export async function openWorld(baseURL: string): Promise<OpenWorld> {
  const world = await createWorld();
  const sessions = { signedOut: await playwrightRequest.newContext({ baseURL }) } as Record<
    ActorKey,
    APIRequestContext
  >;
  const close = async () => {
    await Promise.all(Object.values(sessions).map((s) => s.dispose()));
    await removeWorld(world);
    await closeSql();
  };
  try {
    for (const [actor, account] of Object.entries(ACCOUNT_OF) as [
      Exclude<ActorKey, "signedOut">,
      keyof World["users"],
    ][])
      sessions[actor] = await signedInRequest(baseURL, world.users[account].login, world.password);
    // The token stays valid (the proxy lets it through); the account behind it is gone.
    await sql(`UPDATE app_user SET is_active = false, token_version = token_version + 1 WHERE id = $1`, [
      world.users.revoked.id,
    ]);
    const family = familyRows(world.importFamily, { size: 2, headName: `${world.marker} Impor` });
    const csv = toCsv(HOUSEHOLD_HEADERS, [family[0]!, { ...family[1]!, NIK: "3510" }]);
    const upload = await sessions.admin.post(`/api/admin/imports?kind=keluarga&name=${world.marker}.csv`, {
      headers: { "Content-Type": "text/csv" },
      data: csv,
    });
    expect(upload.status(), await upload.text()).toBe(202);
    world.importBatchId = ((await upload.json()) as { batchId: string }).batchId;
    await waitForPreview(sessions.admin, world.importBatchId);
  } catch (error) {
    await close();
    throw error;
  }
  return { world, sessions, close };
}

/** Polls an import's status until its analysis is done. */
export async function waitForPreview(admin: APIRequestContext, batchId: string): Promise<void> {
  await expect
    .poll(
      async () =>
        ((await (await admin.get(`/api/admin/imports/${batchId}`)).json()) as { status: string }).status,
      { timeout: 20_000 },
    )
    .toBe("PREVIEW");
}

/** A complete, valid visit report for one of the world's families (this period, today, one adult). */
export function visitReport(world: World, household: WorldHousehold, idempotencyKey: string = randomUUID()) {
  return {
    householdId: household.id,
    periodKey: world.periodKey,
    idempotencyKey,
    visitDate: todayInJakarta(),
    delivered: true,
    items: [{ name: "Telur ayam", quantity: 1, unit: "kg", valueRupiah: 28_000 }],
    notDeliveredReason: null,
    livingAlone: { anyoneAlone: false, hasCaregiver: null },
    members: [
      {
        memberId: household.memberId,
        presence: "PRESENT",
        health: "HEALTHY",
        chronicDisease: null,
        disability: null,
        jkn: "PBI",
        school: null,
      },
    ],
    aid: ["PKH"],
    house: { floor: 2, wall: 1, roof: 2, drinkingWater: 4, sanitation: 1, electricity: 1, floorAreaM2: 60 },
    changes: { familyMoved: false, familyNotFound: false, newMember: false },
    notes: null,
    location: null,
  };
}

/** Account ids and family ids of the world, including what allowed calls created. */
async function worldIds(world: World): Promise<{ users: string[]; households: string[] }> {
  const users = await sql<{ id: string }>(
    `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) OR username LIKE $2 OR nip LIKE $3`,
    [Object.values(world.users).map((u) => u.id), `mx${world.run}-%`, `97${world.run}%`],
  );
  const userIds = users.map((u) => u.id);
  const households = await sql<{ id: string }>(
    `SELECT id FROM household
      WHERE id = ANY($1::uuid[]) OR head_name LIKE $2
         OR import_batch_id IN (SELECT id FROM import_batch WHERE uploaded_by_id = ANY($3::uuid[]))`,
    [Object.values(world.households).map((h) => h.id), `${world.marker}%`, userIds],
  );
  return { users: userIds, households: households.map((h) => h.id) };
}

/**
 * A digest of everything a call against the world could change: its accounts, families, members,
 * assignments, visits (items, photos), follow-ups (events), import batches, every audit entry by one
 * of its accounts (the specs sign in before they fingerprint), and any row carrying the marker (settings, menu, poverty figures).
 */
export async function fingerprint(world: World): Promise<string> {
  const ids = await worldIds(world);
  const [row] = await sql<{ digest: string }>(
    `WITH u AS (SELECT unnest($1::uuid[]) AS id), h AS (SELECT unnest($2::uuid[]) AS id),
          v AS (SELECT id FROM visit WHERE household_id IN (SELECT id FROM h) OR asn_id IN (SELECT id FROM u)),
          f AS (SELECT id FROM follow_up WHERE household_id IN (SELECT id FROM h))
     SELECT md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS digest FROM (
       SELECT 'user ' || row_to_json(x)::text AS r FROM app_user x WHERE x.id IN (SELECT id FROM u)
       UNION ALL SELECT 'household ' || row_to_json(x)::text FROM household x WHERE x.id IN (SELECT id FROM h)
       UNION ALL SELECT 'member ' || row_to_json(x)::text FROM household_member x
                  WHERE x.household_id IN (SELECT id FROM h) OR x.name LIKE $3
       UNION ALL SELECT 'assignment ' || row_to_json(x)::text FROM assignment x
                  WHERE x.household_id IN (SELECT id FROM h) OR x.asn_id IN (SELECT id FROM u)
       UNION ALL SELECT 'visit ' || row_to_json(x)::text FROM visit x WHERE x.id IN (SELECT id FROM v)
       UNION ALL SELECT 'item ' || row_to_json(x)::text FROM visit_item x WHERE x.visit_id IN (SELECT id FROM v)
       UNION ALL SELECT 'photo ' || x.visit_id || ' ' || x.sha256 FROM visit_photo x WHERE x.visit_id IN (SELECT id FROM v)
       UNION ALL SELECT 'follow-up ' || row_to_json(x)::text FROM follow_up x WHERE x.id IN (SELECT id FROM f)
       UNION ALL SELECT 'event ' || row_to_json(x)::text FROM follow_up_event x
                  WHERE x.follow_up_id IN (SELECT id FROM f) OR x.actor_id IN (SELECT id FROM u)
       UNION ALL SELECT 'batch ' || row_to_json(x)::text FROM import_batch x WHERE x.uploaded_by_id IN (SELECT id FROM u)
       UNION ALL SELECT 'audit ' || row_to_json(x)::text FROM audit_log x
                  WHERE x.actor_id IN (SELECT id FROM u)
       UNION ALL SELECT 'menu ' || row_to_json(x)::text FROM menu_item x WHERE x.name LIKE $3
       UNION ALL SELECT 'settings ' || row_to_json(x)::text FROM programme_settings x
                  WHERE array_to_string(x.local_aid_programmes, '|') LIKE $3
       UNION ALL SELECT 'poverty ' || row_to_json(x)::text FROM poverty_figure x WHERE x.source LIKE $3
     ) rows`,
    [ids.users, ids.households, `%${world.marker}%`],
  );
  return row!.digest;
}

/**
 * What bad input must never leave behind, counted over the world: visits and their items by its
 * accounts, import batches of its admins, families (its own, imported or created), audit entries.
 */
export async function storedCounts(world: World): Promise<string> {
  const { users, households } = await worldIds(world);
  const [row] = await sql<Record<string, string>>(
    `SELECT (SELECT count(*) FROM visit WHERE asn_id = ANY($1::uuid[])) AS visits,
            (SELECT count(*) FROM visit_item i JOIN visit v ON v.id = i.visit_id WHERE v.asn_id = ANY($1::uuid[])) AS items,
            (SELECT count(*) FROM import_batch WHERE uploaded_by_id = ANY($1::uuid[])) AS batches,
            (SELECT count(*) FROM unnest($2::uuid[])) AS households,
            (SELECT count(*) FROM audit_log WHERE actor_id = ANY($1::uuid[])) AS audits`,
    [users, households],
  );
  return Object.entries(row!)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}

/** Deletes the world and everything its accounts created. */
export async function removeWorld(world: World): Promise<void> {
  const { users, households } = await worldIds(world);
  const batches = (
    await sql<{ id: string }>(`SELECT id FROM import_batch WHERE uploaded_by_id = ANY($1::uuid[])`, [users])
  ).map((b) => b.id);
  const followUps = (
    await sql<{ id: string }>(`SELECT id FROM follow_up WHERE household_id = ANY($1::uuid[])`, [households])
  ).map((f) => f.id);
  const entities = [...users, ...households, ...batches, ...followUps];
  await sql(`DELETE FROM audit_log WHERE actor_id = ANY($1::uuid[]) OR entity_id = ANY($2::text[])`, [
    users,
    entities,
  ]);
  await sql(
    `DELETE FROM follow_up_event WHERE follow_up_id = ANY($1::uuid[]) OR actor_id = ANY($2::uuid[])`,
    [followUps, users],
  );
  await sql(`DELETE FROM follow_up WHERE id = ANY($1::uuid[])`, [followUps]);
  await sql(`DELETE FROM visit WHERE household_id = ANY($1::uuid[]) OR asn_id = ANY($2::uuid[])`, [
    households,
    users,
  ]);
  await sql(
    `DELETE FROM assignment WHERE household_id = ANY($1::uuid[]) OR asn_id = ANY($2::uuid[])
        OR assigned_by_id = ANY($2::uuid[]) OR ended_by_id = ANY($2::uuid[])`,
    [households, users],
  );
  await sql(`DELETE FROM household WHERE id = ANY($1::uuid[])`, [households]);
  await sql(`DELETE FROM import_batch WHERE id = ANY($1::uuid[])`, [batches]);
  await sql(`UPDATE programme_settings SET updated_by_id = NULL WHERE updated_by_id = ANY($1::uuid[])`, [
    users,
  ]);
  await sql(`UPDATE poverty_figure SET updated_by_id = NULL WHERE updated_by_id = ANY($1::uuid[])`, [users]);
  await sql(`DELETE FROM app_user WHERE id = ANY($1::uuid[])`, [users]);
}

/** A request context signed in through next-auth's credentials endpoint (what the login form posts). */
export async function signedInRequest(
  baseURL: string,
  login: string,
  password: string,
): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, login, password, json: "true" },
    maxRedirects: 0,
  });
  const cookies = (await context.storageState()).cookies.map((c) => c.name);
  expect(cookies, `sign-in of ${login} (HTTP ${response.status()})`).toContainEqual(
    expect.stringMatching(/next-auth\.session-token$/),
  );
  return context;
}
