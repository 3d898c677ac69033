-- CreateTable
CREATE TABLE "visit_rollup" (
    "period_key" VARCHAR(8) NOT NULL,
    "desa_code" VARCHAR(13) NOT NULL,
    "filed" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "rupiah" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "visit_rollup_pkey" PRIMARY KEY ("period_key","desa_code")
);

-- CreateTable
CREATE TABLE "aid_rollup" (
    "visit_date" DATE NOT NULL,
    "kecamatan_code" VARCHAR(13) NOT NULL,
    "item_name" VARCHAR(100) NOT NULL,
    "deliveries" INTEGER NOT NULL DEFAULT 0,
    "rupiah" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "aid_rollup_pkey" PRIMARY KEY ("visit_date","kecamatan_code","item_name")
);

-- CreateTable
CREATE TABLE "follow_up_open_rollup" (
    "desa_code" VARCHAR(13) NOT NULL,
    "open" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "follow_up_open_rollup_pkey" PRIMARY KEY ("desa_code")
);

-- CreateTable
CREATE TABLE "period_coverage" (
    "period_key" VARCHAR(8) NOT NULL,
    "area_code" VARCHAR(13) NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "families" INTEGER NOT NULL,
    "asn" INTEGER NOT NULL,

    CONSTRAINT "period_coverage_pkey" PRIMARY KEY ("period_key","area_code")
);

-- CreateIndex
CREATE INDEX "period_coverage_period_end_period_start_idx" ON "period_coverage"("period_end", "period_start");

-- CreateIndex
CREATE INDEX "follow_up_created_at_idx" ON "follow_up"("created_at");


-- ---------------------------------------------------------------------------------------------
-- Hand-written: the dashboard rollups (docs/decisions/010-dashboard-rollups.md).
--
-- Invariant kept by the triggers below, in the writing transaction, for every write path (the app,
-- seeds, COPY, cascades):
--   visit_rollup(period_key, desa_code)            = the visits of that period whose household is
--       in that desa now: count, count delivered, sum of their items' value;
--   aid_rollup(visit_date, kecamatan_code, item)   = the items of the visits of that day whose
--       household is in that kecamatan now: count and sum of value;
--   follow_up_open_rollup(desa_code)               = OPEN or IN_PROGRESS follow-ups of the
--       households in that desa now.
-- Statement-level triggers with transition tables: a 50,000-row COPY costs one grouped upsert.

-- Adds signed deltas, summed per key first (an upsert may touch a row only once) and in key order
-- (concurrent writers lock rollup rows in the same order, so they cannot deadlock).
CREATE FUNCTION "rollup_add_visit_totals"(deltas "visit_rollup"[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "visit_rollup" AS r ("period_key", "desa_code", "filed", "delivered", "rupiah")
  SELECT d."period_key", d."desa_code", sum(d."filed"), sum(d."delivered"), sum(d."rupiah")
    FROM unnest(deltas) AS d
   GROUP BY d."period_key", d."desa_code"
  HAVING sum(d."filed") <> 0 OR sum(d."delivered") <> 0 OR sum(d."rupiah") <> 0
   ORDER BY d."period_key", d."desa_code"
  ON CONFLICT ("period_key", "desa_code") DO UPDATE
     SET "filed" = r."filed" + EXCLUDED."filed",
         "delivered" = r."delivered" + EXCLUDED."delivered",
         "rupiah" = r."rupiah" + EXCLUDED."rupiah";
$$;

CREATE FUNCTION "rollup_add_aid"(deltas "aid_rollup"[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "aid_rollup" AS r ("visit_date", "kecamatan_code", "item_name", "deliveries", "rupiah")
  SELECT d."visit_date", d."kecamatan_code", d."item_name", sum(d."deliveries"), sum(d."rupiah")
    FROM unnest(deltas) AS d
   GROUP BY d."visit_date", d."kecamatan_code", d."item_name"
  HAVING sum(d."deliveries") <> 0 OR sum(d."rupiah") <> 0
   ORDER BY d."visit_date", d."kecamatan_code", d."item_name"
  ON CONFLICT ("visit_date", "kecamatan_code", "item_name") DO UPDATE
     SET "deliveries" = r."deliveries" + EXCLUDED."deliveries",
         "rupiah" = r."rupiah" + EXCLUDED."rupiah";
$$;

CREATE FUNCTION "rollup_add_open_follow_ups"(deltas "follow_up_open_rollup"[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "follow_up_open_rollup" AS r ("desa_code", "open")
  SELECT d."desa_code", sum(d."open") FROM unnest(deltas) AS d
   GROUP BY d."desa_code" HAVING sum(d."open") <> 0 ORDER BY d."desa_code"
  ON CONFLICT ("desa_code") DO UPDATE SET "open" = r."open" + EXCLUDED."open";
$$;

-- The whole contribution of these visits (the visit and its current items) with the sign, under
-- the given visit field values and their household's current area.
CREATE FUNCTION "rollup_apply_visits"(visits "visit"[], sign integer) RETURNS void
LANGUAGE sql AS $$
  SELECT "rollup_add_visit_totals"(ARRAY(
    SELECT ROW(v."period_key", h."desa_code", sign, CASE WHEN v."delivered" THEN sign ELSE 0 END,
               sign * coalesce((SELECT sum(i."value_rupiah") FROM "visit_item" i WHERE i."visit_id" = v."id"), 0)
           )::"visit_rollup"
      FROM unnest(visits) AS v JOIN "household" h ON h."id" = v."household_id"));
  SELECT "rollup_add_aid"(ARRAY(
    SELECT ROW(v."visit_date", h."kecamatan_code", i."name", sign, sign * i."value_rupiah")::"aid_rollup"
      FROM unnest(visits) AS v
      JOIN "household" h ON h."id" = v."household_id"
      JOIN "visit_item" i ON i."visit_id" = v."id"));
$$;

-- These items' contribution with the sign, under their visit's current fields. Items whose visit
-- is gone (a cascade from a deleted visit) were already subtracted by the visit's delete trigger.
CREATE FUNCTION "rollup_apply_items"(items "visit_item"[], sign integer) RETURNS void
LANGUAGE sql AS $$
  SELECT "rollup_add_visit_totals"(ARRAY(
    SELECT ROW(v."period_key", h."desa_code", 0, 0, sign * i."value_rupiah")::"visit_rollup"
      FROM unnest(items) AS i
      JOIN "visit" v ON v."id" = i."visit_id"
      JOIN "household" h ON h."id" = v."household_id"));
  SELECT "rollup_add_aid"(ARRAY(
    SELECT ROW(v."visit_date", h."kecamatan_code", i."name", sign, sign * i."value_rupiah")::"aid_rollup"
      FROM unnest(items) AS i
      JOIN "visit" v ON v."id" = i."visit_id"
      JOIN "household" h ON h."id" = v."household_id"));
$$;

-- A new visit has no items yet (visit_item references it), so only its counts are added; the
-- rows are not copied into an array (a 50,000-row COPY carries ~50 MB of checklists).
CREATE FUNCTION "visit_rollup_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rollup_add_visit_totals"(ARRAY(
    SELECT ROW(n."period_key", h."desa_code", 1, CASE WHEN n."delivered" THEN 1 ELSE 0 END, 0)::"visit_rollup"
      FROM new_rows n JOIN "household" h ON h."id" = n."household_id"));
  RETURN NULL;
END $$;

CREATE FUNCTION "visit_rollup_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only rows whose rollup keys or delivery flag changed (an edit usually changes neither).
  PERFORM "rollup_apply_visits"(ARRAY(
    SELECT ROW(o.*)::"visit" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
     WHERE (o."period_key", o."visit_date", o."household_id", o."delivered")
           IS DISTINCT FROM (n."period_key", n."visit_date", n."household_id", n."delivered")), -1);
  PERFORM "rollup_apply_visits"(ARRAY(
    SELECT ROW(n.*)::"visit" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
     WHERE (o."period_key", o."visit_date", o."household_id", o."delivered")
           IS DISTINCT FROM (n."period_key", n."visit_date", n."household_id", n."delivered")), 1);
  RETURN NULL;
END $$;

-- BEFORE DELETE, per row: the visit's items still exist here; the cascade removes them afterwards.
CREATE FUNCTION "visit_rollup_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rollup_apply_visits"(ARRAY[OLD], -1);
  RETURN OLD;
END $$;

CREATE FUNCTION "visit_item_rollup_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rollup_apply_items"(ARRAY(SELECT ROW(n.*)::"visit_item" FROM new_rows n), 1);
  RETURN NULL;
END $$;

CREATE FUNCTION "visit_item_rollup_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rollup_apply_items"(ARRAY(SELECT ROW(o.*)::"visit_item" FROM old_rows o), -1);
  PERFORM "rollup_apply_items"(ARRAY(SELECT ROW(n.*)::"visit_item" FROM new_rows n), 1);
  RETURN NULL;
END $$;

CREATE FUNCTION "visit_item_rollup_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rollup_apply_items"(ARRAY(SELECT ROW(o.*)::"visit_item" FROM old_rows o), -1);
  RETURN NULL;
END $$;

-- A household moved to another desa: its visits' contributions move with it (out of the old area
-- with -1, into the new one with +1), and the coverage cache (fostered families per area) is no
-- longer true for any period.
CREATE FUNCTION "household_moves"(old_rows "household"[], new_rows "household"[])
RETURNS TABLE ("household_id" uuid, "desa_code" varchar, "kecamatan_code" varchar, "sign" integer)
LANGUAGE sql AS $$
  SELECT o."id", x."desa_code", x."kecamatan_code", x."sign"
    FROM unnest(old_rows) AS o JOIN unnest(new_rows) AS n ON n."id" = o."id"
   CROSS JOIN LATERAL (VALUES (o."desa_code", o."kecamatan_code", -1), (n."desa_code", n."kecamatan_code", 1))
         AS x("desa_code", "kecamatan_code", "sign")
   WHERE (o."desa_code", o."kecamatan_code") IS DISTINCT FROM (n."desa_code", n."kecamatan_code");
$$;

CREATE FUNCTION "household_rollup_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved_old "household"[];
  moved_new "household"[];
BEGIN
  SELECT array_agg(ROW(o.*)::"household"), array_agg(ROW(n.*)::"household") INTO moved_old, moved_new
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
   WHERE (o."desa_code", o."kecamatan_code") IS DISTINCT FROM (n."desa_code", n."kecamatan_code");
  IF moved_old IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM "rollup_add_visit_totals"(ARRAY(
    SELECT ROW(v."period_key", m."desa_code", m."sign", CASE WHEN v."delivered" THEN m."sign" ELSE 0 END,
               m."sign" * coalesce((SELECT sum(i."value_rupiah") FROM "visit_item" i WHERE i."visit_id" = v."id"), 0)
           )::"visit_rollup"
      FROM "household_moves"(moved_old, moved_new) m JOIN "visit" v ON v."household_id" = m."household_id"));
  PERFORM "rollup_add_aid"(ARRAY(
    SELECT ROW(v."visit_date", m."kecamatan_code", i."name", m."sign", m."sign" * i."value_rupiah")::"aid_rollup"
      FROM "household_moves"(moved_old, moved_new) m
      JOIN "visit" v ON v."household_id" = m."household_id"
      JOIN "visit_item" i ON i."visit_id" = v."id"));
  PERFORM "rollup_add_open_follow_ups"(ARRAY(
    SELECT ROW(m."desa_code", m."sign")::"follow_up_open_rollup"
      FROM "household_moves"(moved_old, moved_new) m
      JOIN "follow_up" f ON f."household_id" = m."household_id" AND f."status" IN ('OPEN', 'IN_PROGRESS')));
  DELETE FROM "period_coverage";
  RETURN NULL;
END $$;

-- Open follow-ups: +1 when one is raised open, -1 when it leaves OPEN/IN_PROGRESS or is deleted.
CREATE FUNCTION "follow_up_open_deltas"(follow_ups "follow_up"[], sign integer) RETURNS "follow_up_open_rollup"[]
LANGUAGE sql AS $$
  SELECT ARRAY(
    SELECT ROW(h."desa_code", sign)::"follow_up_open_rollup"
      FROM unnest(follow_ups) AS f JOIN "household" h ON h."id" = f."household_id"
     WHERE f."status" IN ('OPEN', 'IN_PROGRESS'));
$$;

CREATE FUNCTION "follow_up_rollup_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rollup_add_open_follow_ups"("follow_up_open_deltas"(ARRAY(SELECT ROW(n.*)::"follow_up" FROM new_rows n), 1));
  RETURN NULL;
END $$;

CREATE FUNCTION "follow_up_rollup_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rollup_add_open_follow_ups"(
    "follow_up_open_deltas"(ARRAY(SELECT ROW(o.*)::"follow_up" FROM old_rows o), -1)
    || "follow_up_open_deltas"(ARRAY(SELECT ROW(n.*)::"follow_up" FROM new_rows n), 1));
  RETURN NULL;
END $$;

CREATE FUNCTION "follow_up_rollup_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rollup_add_open_follow_ups"("follow_up_open_deltas"(ARRAY(SELECT ROW(o.*)::"follow_up" FROM old_rows o), -1));
  RETURN NULL;
END $$;

CREATE TRIGGER "follow_up_rollup_insert" AFTER INSERT ON "follow_up"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "follow_up_rollup_on_insert"();
CREATE TRIGGER "follow_up_rollup_update" AFTER UPDATE ON "follow_up"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "follow_up_rollup_on_update"();
CREATE TRIGGER "follow_up_rollup_delete" AFTER DELETE ON "follow_up"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "follow_up_rollup_on_delete"();

CREATE TRIGGER "visit_rollup_insert" AFTER INSERT ON "visit"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "visit_rollup_on_insert"();
CREATE TRIGGER "visit_rollup_update" AFTER UPDATE ON "visit"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "visit_rollup_on_update"();
CREATE TRIGGER "visit_rollup_delete" BEFORE DELETE ON "visit"
  FOR EACH ROW EXECUTE FUNCTION "visit_rollup_on_delete"();
CREATE TRIGGER "visit_item_rollup_insert" AFTER INSERT ON "visit_item"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "visit_item_rollup_on_insert"();
CREATE TRIGGER "visit_item_rollup_update" AFTER UPDATE ON "visit_item"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "visit_item_rollup_on_update"();
CREATE TRIGGER "visit_item_rollup_delete" AFTER DELETE ON "visit_item"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "visit_item_rollup_on_delete"();
CREATE TRIGGER "household_rollup_update" AFTER UPDATE ON "household"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "household_rollup_on_update"();

-- Coverage cache invalidation: an assignment written, ended or removed makes the periods its
-- changed time span touches stale. Ending an assignment now only touches periods from now on.
-- Writers take a shared advisory lock; the dashboard computes a period under the exclusive one,
-- so a computation never stores a result that misses a concurrent write.
CREATE FUNCTION "coverage_forget"(spans tstzrange[]) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock_shared(hashtext('period_coverage'));
  DELETE FROM "period_coverage" c
   WHERE EXISTS (SELECT 1 FROM unnest(spans) AS s
                  WHERE s && tstzrange(c."period_start", c."period_end", '[)'));
$$;

CREATE FUNCTION "assignment_coverage_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "coverage_forget"(ARRAY(SELECT tstzrange(n."started_at", n."ended_at", '[)') FROM new_rows n));
  RETURN NULL;
END $$;

CREATE FUNCTION "assignment_coverage_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "coverage_forget"(ARRAY(SELECT tstzrange(o."started_at", o."ended_at", '[)') FROM old_rows o));
  RETURN NULL;
END $$;

CREATE FUNCTION "assignment_coverage_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "coverage_forget"(ARRAY(
    SELECT span FROM old_rows o JOIN new_rows n ON n."id" = o."id"
     CROSS JOIN LATERAL (
       -- Same family and ASN, same start: only the span between the two ends changed.
       SELECT tstzrange(least(o."ended_at", n."ended_at"),
                        CASE WHEN o."ended_at" IS NULL OR n."ended_at" IS NULL THEN NULL
                             ELSE greatest(o."ended_at", n."ended_at") END, '[)') AS span
        WHERE (o."household_id", o."asn_id", o."started_at") = (n."household_id", n."asn_id", n."started_at")
          AND o."ended_at" IS DISTINCT FROM n."ended_at"
       UNION ALL
       SELECT tstzrange(x."started_at", x."ended_at", '[)')
         FROM (VALUES (o."started_at", o."ended_at"), (n."started_at", n."ended_at")) AS x("started_at", "ended_at")
        WHERE (o."household_id", o."asn_id", o."started_at") IS DISTINCT FROM (n."household_id", n."asn_id", n."started_at")
     ) AS changed));
  RETURN NULL;
END $$;

CREATE TRIGGER "assignment_coverage_insert" AFTER INSERT ON "assignment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "assignment_coverage_on_insert"();
CREATE TRIGGER "assignment_coverage_update" AFTER UPDATE ON "assignment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "assignment_coverage_on_update"();
CREATE TRIGGER "assignment_coverage_delete" AFTER DELETE ON "assignment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "assignment_coverage_on_delete"();

-- Recomputes the rollups from the stored reports and follow-ups: the backfill below, and after a TRUNCATE.
CREATE FUNCTION "rollup_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "visit_rollup";
  DELETE FROM "aid_rollup";
  DELETE FROM "follow_up_open_rollup";
  INSERT INTO "follow_up_open_rollup" ("desa_code", "open")
  SELECT h."desa_code", count(*) FROM "follow_up" f JOIN "household" h ON h."id" = f."household_id"
   WHERE f."status" IN ('OPEN', 'IN_PROGRESS') GROUP BY h."desa_code";
  INSERT INTO "visit_rollup" ("period_key", "desa_code", "filed", "delivered", "rupiah")
  SELECT v."period_key", h."desa_code", count(*), count(*) FILTER (WHERE v."delivered"),
         coalesce(sum(s."rupiah"), 0)
    FROM "visit" v
    JOIN "household" h ON h."id" = v."household_id"
    LEFT JOIN (SELECT "visit_id", sum("value_rupiah") AS "rupiah" FROM "visit_item" GROUP BY "visit_id") s
           ON s."visit_id" = v."id"
   GROUP BY v."period_key", h."desa_code";
  INSERT INTO "aid_rollup" ("visit_date", "kecamatan_code", "item_name", "deliveries", "rupiah")
  SELECT v."visit_date", h."kecamatan_code", i."name", count(*), sum(i."value_rupiah")
    FROM "visit_item" i
    JOIN "visit" v ON v."id" = i."visit_id"
    JOIN "household" h ON h."id" = v."household_id"
   GROUP BY v."visit_date", h."kecamatan_code", i."name";
$$;

CREATE FUNCTION "rollup_rebuild_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rollup_rebuild"();
  RETURN NULL;
END $$;

CREATE FUNCTION "coverage_forget_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "period_coverage";
  RETURN NULL;
END $$;

CREATE TRIGGER "visit_rollup_truncate" AFTER TRUNCATE ON "visit"
  FOR EACH STATEMENT EXECUTE FUNCTION "rollup_rebuild_on_truncate"();
CREATE TRIGGER "visit_item_rollup_truncate" AFTER TRUNCATE ON "visit_item"
  FOR EACH STATEMENT EXECUTE FUNCTION "rollup_rebuild_on_truncate"();
CREATE TRIGGER "follow_up_rollup_truncate" AFTER TRUNCATE ON "follow_up"
  FOR EACH STATEMENT EXECUTE FUNCTION "rollup_rebuild_on_truncate"();
CREATE TRIGGER "assignment_coverage_truncate" AFTER TRUNCATE ON "assignment"
  FOR EACH STATEMENT EXECUTE FUNCTION "coverage_forget_all"();

-- The year's resolved follow-ups for the median days to resolve and the families helped, read from
-- the index alone.
CREATE INDEX "follow_up_resolved_idx" ON "follow_up"("resolved_at") INCLUDE ("created_at", "type", "household_id")
    WHERE "status" = 'RESOLVED';

-- Backfill from the data already stored.
SELECT "rollup_rebuild"();
