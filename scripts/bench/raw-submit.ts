// The raw `pg` baseline of a visit submission: the statements submitVisit (src/server/visits.ts)
// runs for a new report without problems, written by hand: scope check, members, settings,
// idempotency lookup, then one transaction with the visit, its items, the open follow-ups read
// and the audit row.
import type pg from "pg";

type Report = {
  householdId: string;
  periodKey: string;
  idempotencyKey: string;
  visitDate: string;
  delivered: boolean;
  items: { name: string; quantity: number; unit: string; valueRupiah: number }[];
  notes: string | null;
  house: Record<string, number> | null;
  [key: string]: unknown;
};

export async function rawSubmit(pool: pg.Pool, asnId: string, report: Report): Promise<string> {
  const [household, members, settings, existing] = await Promise.all([
    pool.query(
      `SELECT h.id, h.desil, h.category FROM household h
        WHERE h.id = $1 AND h.status = 'ACTIVE'
          AND EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id AND a.asn_id = $2 AND a.ended_at IS NULL)`,
      [report.householdId, asnId],
    ),
    pool.query(`SELECT id, name, birth_date, status FROM household_member WHERE household_id = $1`, [
      report.householdId,
    ]),
    pool.query(
      `SELECT cadence, late_report_limit_days, default_quota, local_aid_programmes, gps_flag_distance_meters
         FROM programme_settings WHERE id = 1`,
    ),
    pool.query(
      `SELECT id, household_id, asn_id, period_key, checklist FROM visit WHERE idempotency_key = $1`,
      [report.idempotencyKey],
    ),
  ]);
  if (household.rowCount !== 1 || members.rowCount === 0 || settings.rowCount !== 1)
    throw new Error("raw: not found");
  if (existing.rowCount) return existing.rows[0].id as string;
  const { householdId, periodKey, idempotencyKey, visitDate, delivered, items, notes, ...rest } = report;
  const checklist = { version: 1, ...rest, notes };
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const visit = await client.query(
      `INSERT INTO visit (id, household_id, asn_id, period_key, visit_date, is_late, delivered, not_delivered_reason,
                          checklist, house_livable, notes, idempotency_key, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, false, $5, NULL, $6, true, $7, $8, now()) RETURNING id`,
      [householdId, asnId, periodKey, visitDate, delivered, JSON.stringify(checklist), notes, idempotencyKey],
    );
    const visitId = visit.rows[0].id as string;
    for (const item of items)
      await client.query(
        `INSERT INTO visit_item (id, visit_id, name, quantity, unit, value_rupiah) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`,
        [visitId, item.name, item.quantity, item.unit, item.valueRupiah],
      );
    await client.query(
      `SELECT id, type, cleared_at FROM follow_up WHERE household_id = $1 AND status IN ('OPEN', 'IN_PROGRESS')`,
      [householdId],
    );
    await client.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, changes) VALUES ($1, 'visit.create', 'visit', $2, $3)`,
      [asnId, visitId, JSON.stringify({ periodKey })],
    );
    await client.query("COMMIT");
    return visitId;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
