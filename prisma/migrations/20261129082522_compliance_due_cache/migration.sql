-- CreateTable
CREATE TABLE "compliance_due" (
    "period_key" VARCHAR(8) NOT NULL,
    "household_id" UUID NOT NULL,
    "asn_id" UUID NOT NULL,
    "kecamatan_code" VARCHAR(13) NOT NULL,
    "active" BOOLEAN NOT NULL,
    "reported" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "compliance_due_pkey" PRIMARY KEY ("period_key","household_id","asn_id")
);

-- CreateTable
CREATE TABLE "compliance_period" (
    "period_key" VARCHAR(8) NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "compliance_period_pkey" PRIMARY KEY ("period_key")
);

-- CreateIndex
CREATE INDEX "compliance_period_period_end_period_start_idx" ON "compliance_period"("period_end", "period_start");


-- ---------------------------------------------------------------------------------------------
-- Hand-written: invalidation of the compliance cache (docs/decisions/015-compliance-due-cache.md).
--
-- compliance_due(P) holds the (ASN, family) pairs due in period P, with the family's kecamatan,
-- whether it is ACTIVE and whether it was reported in P, as src/server/compliance.ts computed them;
-- they are valid while P's compliance_period row exists. An assignment written, ended or removed
-- deletes that row for the periods its changed time span touches (exactly as for period_coverage),
-- a family whose status or kecamatan changed deletes it for every period, both in the writing
-- transaction. A report filed, moved or deleted sets `reported` on the pairs of its family and
-- period (a statement-level trigger: one UPDATE per statement). Writers take the same shared
-- advisory lock as the coverage cache; the computation takes the exclusive one, so a stored result
-- never misses a concurrent write.

CREATE OR REPLACE FUNCTION "coverage_forget"(spans tstzrange[]) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock_shared(hashtext('period_coverage'));
  DELETE FROM "period_coverage" c
   WHERE EXISTS (SELECT 1 FROM unnest(spans) AS s
                  WHERE s && tstzrange(c."period_start", c."period_end", '[)'));
  DELETE FROM "compliance_period" c
   WHERE EXISTS (SELECT 1 FROM unnest(spans) AS s
                  WHERE s && tstzrange(c."period_start", c."period_end", '[)'));
$$;

CREATE OR REPLACE FUNCTION "coverage_forget_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "period_coverage";
  DELETE FROM "compliance_period";
  RETURN NULL;
END $$;

CREATE FUNCTION "household_compliance_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id"
              WHERE (o."status", o."kecamatan_code") IS DISTINCT FROM (n."status", n."kecamatan_code")) THEN
    PERFORM pg_advisory_xact_lock_shared(hashtext('period_coverage'));
    DELETE FROM "compliance_period";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "household_compliance_update" AFTER UPDATE ON "household"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "household_compliance_on_update"();

-- Reports: one visit per family and period (a unique constraint), so a pair is reported exactly
-- when a visit of its family and period exists.
CREATE FUNCTION "visit_compliance_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('period_coverage'));
  UPDATE "compliance_due" d SET "reported" = true
    FROM new_rows n
   WHERE d."period_key" = n."period_key" AND d."household_id" = n."household_id" AND NOT d."reported";
  RETURN NULL;
END $$;

CREATE FUNCTION "visit_compliance_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('period_coverage'));
  UPDATE "compliance_due" d SET "reported" = false
    FROM old_rows o
   WHERE d."period_key" = o."period_key" AND d."household_id" = o."household_id" AND d."reported";
  RETURN NULL;
END $$;

CREATE FUNCTION "visit_compliance_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only when a report's family or period changed (an edit of its answers changes neither).
  IF EXISTS (SELECT 1 FROM old_rows o FULL JOIN new_rows n ON n."id" = o."id"
              WHERE (o."period_key", o."household_id") IS DISTINCT FROM (n."period_key", n."household_id")) THEN
    PERFORM pg_advisory_xact_lock_shared(hashtext('period_coverage'));
    -- Pairs left by a report, then pairs it now covers (a pair both left and covered ends reported).
    UPDATE "compliance_due" d SET "reported" = false
      FROM old_rows o
     WHERE d."period_key" = o."period_key" AND d."household_id" = o."household_id"
       AND NOT EXISTS (SELECT 1 FROM new_rows n
                        WHERE (n."period_key", n."household_id") = (o."period_key", o."household_id"));
    UPDATE "compliance_due" d SET "reported" = true
      FROM new_rows n
     WHERE d."period_key" = n."period_key" AND d."household_id" = n."household_id" AND NOT d."reported";
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "visit_compliance_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "compliance_period";
  RETURN NULL;
END $$;

CREATE TRIGGER "visit_compliance_insert" AFTER INSERT ON "visit"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "visit_compliance_on_insert"();
CREATE TRIGGER "visit_compliance_update" AFTER UPDATE ON "visit"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "visit_compliance_on_update"();
CREATE TRIGGER "visit_compliance_delete" AFTER DELETE ON "visit"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "visit_compliance_on_delete"();
CREATE TRIGGER "visit_compliance_truncate" AFTER TRUNCATE ON "visit"
  FOR EACH STATEMENT EXECUTE FUNCTION "visit_compliance_on_truncate"();
