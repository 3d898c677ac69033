-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SUPERVISOR', 'LEADER', 'ASN');

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('KABUPATEN', 'KECAMATAN', 'DESA', 'KELURAHAN');

-- CreateEnum
CREATE TYPE "EmploymentType" AS ENUM ('PNS', 'PPPK', 'OTHER');

-- CreateEnum
CREATE TYPE "WelfareCategory" AS ENUM ('MISKIN_EKSTREM', 'MISKIN', 'RENTAN');

-- CreateEnum
CREATE TYPE "HouseholdStatus" AS ENUM ('ACTIVE', 'GRADUATED', 'MOVED', 'DECEASED', 'INACTIVE');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "Relationship" AS ENUM ('HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'PARENT', 'HELPER', 'OTHER');

-- CreateEnum
CREATE TYPE "SchoolParticipation" AS ENUM ('NEVER_ENROLLED', 'ENROLLED', 'DROPPED_OUT');

-- CreateEnum
CREATE TYPE "JknStatus" AS ENUM ('NONE', 'PBI', 'MANDIRI', 'EMPLOYER', 'OTHER');

-- CreateEnum
CREATE TYPE "MemberStatus" AS ENUM ('PRESENT', 'DIED', 'MOVED');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('WEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "FollowUpType" AS ENUM ('SCHOOL_DROPOUT', 'HEALTH_WITHOUT_JKN', 'NO_ROUTINE_AID', 'UNLIVABLE_HOUSE', 'ELDERLY_ALONE', 'REGISTRY_UPDATE');

-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('HOUSEHOLDS', 'ROSTER');

-- CreateTable
CREATE TABLE "region" (
    "code" VARCHAR(13) NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parent_code" VARCHAR(13),
    "name" VARCHAR(100) NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "opd" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "region_code" VARCHAR(13),

    CONSTRAINT "opd_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "role" "Role" NOT NULL,
    "username" VARCHAR(50),
    "nip" VARCHAR(18),
    "employment_type" "EmploymentType",
    "name" VARCHAR(150) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "token_version" INTEGER NOT NULL DEFAULT 0,
    "opd_id" INTEGER,
    "position" VARCHAR(150),
    "phone" VARCHAR(20),
    "quota" INTEGER,
    "work_kecamatan_code" VARCHAR(13),
    "home_kecamatan_code" VARCHAR(13),
    "supervised_region_code" VARCHAR(13),
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kk_number" CHAR(16) NOT NULL,
    "head_name" VARCHAR(150) NOT NULL,
    "head_nik" CHAR(16) NOT NULL,
    "desa_code" VARCHAR(13) NOT NULL,
    "kecamatan_code" VARCHAR(13) NOT NULL,
    "dusun" VARCHAR(100),
    "rt" VARCHAR(3),
    "rw" VARCHAR(3),
    "street" VARCHAR(200),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "desil" SMALLINT,
    "category" "WelfareCategory",
    "status" "HouseholdStatus" NOT NULL DEFAULT 'ACTIVE',
    "source" VARCHAR(100) NOT NULL,
    "import_batch_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household_member" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "household_id" UUID NOT NULL,
    "nik" CHAR(16) NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "sex" "Sex" NOT NULL,
    "birth_date" DATE NOT NULL,
    "relationship" "Relationship" NOT NULL,
    "school_participation" "SchoolParticipation",
    "disability" VARCHAR(200),
    "chronic_illness" VARCHAR(200),
    "jkn_status" "JknStatus" NOT NULL DEFAULT 'NONE',
    "status" "MemberStatus" NOT NULL DEFAULT 'PRESENT',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "household_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "household_id" UUID NOT NULL,
    "asn_id" UUID NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    "assigned_by_id" UUID,
    "reason" VARCHAR(300),
    "ended_by_id" UUID,
    "end_reason" VARCHAR(300),

    CONSTRAINT "assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "cadence" "Cadence" NOT NULL DEFAULT 'WEEKLY',
    "late_report_limit_days" INTEGER NOT NULL DEFAULT 7,
    "default_quota" INTEGER NOT NULL DEFAULT 5,
    "local_aid_programmes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "gps_flag_distance_meters" INTEGER NOT NULL DEFAULT 500,
    "poverty_target_percent" DECIMAL(5,2),
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programme_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "menu_item" (
    "position" INTEGER NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "unit" VARCHAR(30) NOT NULL,
    "default_quantity" DECIMAL(10,2) NOT NULL,
    "default_value_rupiah" INTEGER NOT NULL,

    CONSTRAINT "menu_item_pkey" PRIMARY KEY ("position")
);

-- CreateTable
CREATE TABLE "visit" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "household_id" UUID NOT NULL,
    "asn_id" UUID NOT NULL,
    "period_key" VARCHAR(8) NOT NULL,
    "visit_date" DATE NOT NULL,
    "is_late" BOOLEAN NOT NULL DEFAULT false,
    "delivered" BOOLEAN NOT NULL,
    "not_delivered_reason" VARCHAR(300),
    "checklist" JSONB NOT NULL,
    "house_livable" BOOLEAN,
    "notes" VARCHAR(2000),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "gps_accuracy_meters" DOUBLE PRECISION,
    "idempotency_key" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "visit_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "quantity" DECIMAL(10,2) NOT NULL,
    "unit" VARCHAR(30) NOT NULL,
    "value_rupiah" INTEGER NOT NULL,

    CONSTRAINT "visit_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_photo" (
    "visit_id" UUID NOT NULL,
    "mime_type" VARCHAR(20) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visit_photo_pkey" PRIMARY KEY ("visit_id")
);

-- CreateTable
CREATE TABLE "follow_up" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "household_id" UUID NOT NULL,
    "member_id" UUID,
    "raised_by_visit_id" UUID,
    "type" "FollowUpType" NOT NULL,
    "target_opd_id" INTEGER NOT NULL,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'OPEN',
    "detail" VARCHAR(500) NOT NULL,
    "cleared_by_visit_id" UUID,
    "cleared_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_up_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "follow_up_id" UUID NOT NULL,
    "actor_id" UUID,
    "from_status" "FollowUpStatus",
    "to_status" "FollowUpStatus" NOT NULL,
    "from_opd_id" INTEGER,
    "to_opd_id" INTEGER NOT NULL,
    "note" VARCHAR(1000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_up_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "poverty_figure" (
    "year" SMALLINT NOT NULL,
    "percent_poor" DECIMAL(5,2) NOT NULL,
    "poor_people" INTEGER,
    "source" VARCHAR(300) NOT NULL,
    "status" VARCHAR(30) NOT NULL,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "poverty_figure_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "import_batch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "ImportKind" NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "counts" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "action" VARCHAR(60) NOT NULL,
    "entity_type" VARCHAR(40) NOT NULL,
    "entity_id" VARCHAR(64),
    "changes" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "region_parent_code_idx" ON "region"("parent_code");

-- CreateIndex
CREATE UNIQUE INDEX "opd_code_key" ON "opd"("code");

-- CreateIndex
CREATE UNIQUE INDEX "opd_name_key" ON "opd"("name");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_nip_key" ON "app_user"("nip");

-- CreateIndex
CREATE INDEX "app_user_role_is_active_idx" ON "app_user"("role", "is_active");

-- CreateIndex
CREATE INDEX "app_user_opd_id_idx" ON "app_user"("opd_id");

-- CreateIndex
CREATE UNIQUE INDEX "household_kk_number_key" ON "household"("kk_number");

-- CreateIndex
CREATE INDEX "household_desa_code_idx" ON "household"("desa_code");

-- CreateIndex
CREATE INDEX "household_kecamatan_code_status_idx" ON "household"("kecamatan_code", "status");

-- CreateIndex
CREATE INDEX "household_status_idx" ON "household"("status");

-- CreateIndex
CREATE INDEX "household_head_nik_idx" ON "household"("head_nik");

-- CreateIndex
CREATE UNIQUE INDEX "household_member_nik_key" ON "household_member"("nik");

-- CreateIndex
CREATE INDEX "household_member_household_id_idx" ON "household_member"("household_id");

-- CreateIndex
CREATE INDEX "assignment_asn_id_ended_at_idx" ON "assignment"("asn_id", "ended_at");

-- CreateIndex
CREATE INDEX "assignment_household_id_started_at_idx" ON "assignment"("household_id", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "visit_idempotency_key_key" ON "visit"("idempotency_key");

-- CreateIndex
CREATE INDEX "visit_asn_id_period_key_idx" ON "visit"("asn_id", "period_key");

-- CreateIndex
CREATE INDEX "visit_period_key_idx" ON "visit"("period_key");

-- CreateIndex
CREATE UNIQUE INDEX "visit_household_id_period_key_key" ON "visit"("household_id", "period_key");

-- CreateIndex
CREATE INDEX "visit_item_visit_id_idx" ON "visit_item"("visit_id");

-- CreateIndex
CREATE INDEX "follow_up_target_opd_id_status_idx" ON "follow_up"("target_opd_id", "status");

-- CreateIndex
CREATE INDEX "follow_up_household_id_idx" ON "follow_up"("household_id");

-- CreateIndex
CREATE INDEX "follow_up_status_created_at_idx" ON "follow_up"("status", "created_at");

-- CreateIndex
CREATE INDEX "follow_up_event_follow_up_id_created_at_idx" ON "follow_up_event"("follow_up_id", "created_at");

-- CreateIndex
CREATE INDEX "import_batch_created_at_idx" ON "import_batch"("created_at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_created_at_idx" ON "audit_log"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opd" ADD CONSTRAINT "opd_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_opd_id_fkey" FOREIGN KEY ("opd_id") REFERENCES "opd"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_work_kecamatan_code_fkey" FOREIGN KEY ("work_kecamatan_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_home_kecamatan_code_fkey" FOREIGN KEY ("home_kecamatan_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_supervised_region_code_fkey" FOREIGN KEY ("supervised_region_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household" ADD CONSTRAINT "household_desa_code_fkey" FOREIGN KEY ("desa_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household" ADD CONSTRAINT "household_kecamatan_code_fkey" FOREIGN KEY ("kecamatan_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household" ADD CONSTRAINT "household_import_batch_id_fkey" FOREIGN KEY ("import_batch_id") REFERENCES "import_batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_asn_id_fkey" FOREIGN KEY ("asn_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_ended_by_id_fkey" FOREIGN KEY ("ended_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_settings" ADD CONSTRAINT "programme_settings_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_asn_id_fkey" FOREIGN KEY ("asn_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_item" ADD CONSTRAINT "visit_item_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_photo" ADD CONSTRAINT "visit_photo_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "household_member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_raised_by_visit_id_fkey" FOREIGN KEY ("raised_by_visit_id") REFERENCES "visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_cleared_by_visit_id_fkey" FOREIGN KEY ("cleared_by_visit_id") REFERENCES "visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_target_opd_id_fkey" FOREIGN KEY ("target_opd_id") REFERENCES "opd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_event" ADD CONSTRAINT "follow_up_event_follow_up_id_fkey" FOREIGN KEY ("follow_up_id") REFERENCES "follow_up"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_event" ADD CONSTRAINT "follow_up_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_event" ADD CONSTRAINT "follow_up_event_from_opd_id_fkey" FOREIGN KEY ("from_opd_id") REFERENCES "opd"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_event" ADD CONSTRAINT "follow_up_event_to_opd_id_fkey" FOREIGN KEY ("to_opd_id") REFERENCES "opd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "poverty_figure" ADD CONSTRAINT "poverty_figure_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- =============================================================================
-- HAND-WRITTEN SECTION (not generated by `prisma migrate diff`).
-- Integrity rules Prisma's schema language cannot express: CHECK constraints,
-- partial unique indexes and an expression index. They are listed in
-- docs/decisions/004-migrations-without-native-engine.md; keep both in step.
-- =============================================================================

-- Household: Dukcapil number formats, DTSEN desil, region consistency, address parts, coordinates.
ALTER TABLE "household"
    ADD CONSTRAINT "household_kk_number_check" CHECK ("kk_number" ~ '^[0-9]{16}$'),
    ADD CONSTRAINT "household_head_nik_check" CHECK ("head_nik" ~ '^[0-9]{16}$'),
    ADD CONSTRAINT "household_desil_check" CHECK ("desil" BETWEEN 1 AND 10),
    ADD CONSTRAINT "household_kecamatan_of_desa_check" CHECK (left("desa_code", 8) = "kecamatan_code"),
    ADD CONSTRAINT "household_rt_check" CHECK ("rt" ~ '^[0-9]{1,3}$'),
    ADD CONSTRAINT "household_rw_check" CHECK ("rw" ~ '^[0-9]{1,3}$'),
    ADD CONSTRAINT "household_latitude_check" CHECK ("latitude" BETWEEN -90 AND 90),
    ADD CONSTRAINT "household_longitude_check" CHECK ("longitude" BETWEEN -180 AND 180);

ALTER TABLE "household_member"
    ADD CONSTRAINT "household_member_nik_check" CHECK ("nik" ~ '^[0-9]{16}$');

-- App users: ASN accounts (and only they) have an 18-digit NIP; every other role signs in by username.
ALTER TABLE "app_user"
    ADD CONSTRAINT "app_user_quota_check" CHECK ("quota" >= 0),
    ADD CONSTRAINT "app_user_nip_check" CHECK ("nip" ~ '^[0-9]{18}$'),
    ADD CONSTRAINT "app_user_nip_iff_asn_check" CHECK (("role" = 'ASN') = ("nip" IS NOT NULL)),
    ADD CONSTRAINT "app_user_username_unless_asn_check" CHECK ("role" = 'ASN' OR "username" IS NOT NULL);

ALTER TABLE "assignment"
    ADD CONSTRAINT "assignment_ended_after_started_check" CHECK ("ended_at" IS NULL OR "ended_at" >= "started_at");

-- Visits: a report of an undelivered package must say why.
ALTER TABLE "visit"
    ADD CONSTRAINT "visit_not_delivered_reason_check"
        CHECK ("delivered" OR coalesce(btrim("not_delivered_reason"), '') <> ''),
    ADD CONSTRAINT "visit_latitude_check" CHECK ("latitude" BETWEEN -90 AND 90),
    ADD CONSTRAINT "visit_longitude_check" CHECK ("longitude" BETWEEN -180 AND 180);

ALTER TABLE "visit_item"
    ADD CONSTRAINT "visit_item_quantity_check" CHECK ("quantity" > 0),
    ADD CONSTRAINT "visit_item_value_rupiah_check" CHECK ("value_rupiah" >= 0);

-- Photos are stored after compression; about 1 MB is the upper bound.
ALTER TABLE "visit_photo"
    ADD CONSTRAINT "visit_photo_size_bytes_check" CHECK ("size_bytes" BETWEEN 1 AND 1100000);

ALTER TABLE "poverty_figure"
    ADD CONSTRAINT "poverty_figure_percent_poor_check" CHECK ("percent_poor" BETWEEN 0 AND 100);

ALTER TABLE "programme_settings"
    ADD CONSTRAINT "programme_settings_singleton_check" CHECK ("id" = 1),
    ADD CONSTRAINT "programme_settings_late_report_limit_days_check" CHECK ("late_report_limit_days" >= 0),
    ADD CONSTRAINT "programme_settings_default_quota_check" CHECK ("default_quota" >= 0);

ALTER TABLE "menu_item"
    ADD CONSTRAINT "menu_item_position_check" CHECK ("position" >= 1),
    ADD CONSTRAINT "menu_item_default_value_rupiah_check" CHECK ("default_value_rupiah" >= 0);

-- At most one active foster ASN per household.
CREATE UNIQUE INDEX "assignment_one_active_per_household" ON "assignment"("household_id") WHERE "ended_at" IS NULL;

-- At most one open follow-up of each type per household.
CREATE UNIQUE INDEX "follow_up_one_open_per_type" ON "follow_up"("household_id", "type")
    WHERE "status" IN ('OPEN', 'IN_PROGRESS');

-- Case-insensitive prefix search on the head of family's name: lower(head_name) LIKE 'abc%'.
CREATE INDEX "household_head_name_lower_idx" ON "household"(lower("head_name") text_pattern_ops);
