"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { IDLE } from "@/lib/action-result";
import { toCalendarDate, toDateOnlyString } from "@/lib/dates";
import {
  JKN_LABEL,
  JKN_STATUSES,
  MEMBER_STATUSES,
  MEMBER_STATUS_LABEL,
  RELATIONSHIPS,
  RELATIONSHIP_LABEL,
  SCHOOL_LABEL,
  SCHOOL_PARTICIPATIONS,
  SEXES,
  SEX_LABEL,
} from "@/schemas/household";
import type { RegistryMember } from "@/server/registry";
import { saveMemberAction } from "./actions";
import { FormMessage, SelectField, TextField } from "./form-fields";

const SEX_OPTIONS = SEXES.map((s) => [s, SEX_LABEL[s]] as const);
const RELATIONSHIP_OPTIONS = RELATIONSHIPS.map((r) => [r, RELATIONSHIP_LABEL[r]] as const);
const SCHOOL_OPTIONS = SCHOOL_PARTICIPATIONS.map((s) => [s, SCHOOL_LABEL[s]] as const);
const JKN_OPTIONS = JKN_STATUSES.map((s) => [s, JKN_LABEL[s]] as const);
const STATUS_OPTIONS = MEMBER_STATUSES.map((s) => [s, MEMBER_STATUS_LABEL[s]] as const);

/** Adds a member (no `member`) or edits one. The NIK is checked against sex and birth date. */
export function MemberForm({ householdId, member }: { householdId: string; member?: RegistryMember }) {
  const [state, action] = useActionState(saveMemberAction, IDLE);
  const testId = member ? `member-form-${member.id}` : "member-add-form";
  return (
    <form action={action} className="space-y-3" data-testid={testId} noValidate>
      <input type="hidden" name="householdId" value={householdId} />
      {member ? <input type="hidden" name="memberId" value={member.id} /> : null}
      <div className="grid gap-3 md:grid-cols-3">
        <TextField label="Nama" name="name" state={state} initial={member?.name} maxLength={150} />
        <TextField
          label="NIK"
          name="nik"
          state={state}
          initial={member?.nik}
          inputMode="numeric"
          autoComplete="off"
        />
        <SelectField
          label="Jenis kelamin"
          name="sex"
          state={state}
          initial={member?.sex}
          options={SEX_OPTIONS}
          placeholder="— Pilih —"
        />
        <TextField
          label="Tanggal lahir"
          name="birthDate"
          type="date"
          state={state}
          initial={member ? toDateOnlyString(toCalendarDate(member.birthDate)) : ""}
        />
        <SelectField
          label="Hubungan dengan kepala keluarga"
          name="relationship"
          state={state}
          initial={member?.relationship}
          options={RELATIONSHIP_OPTIONS}
          placeholder="— Pilih —"
        />
        <SelectField
          label="Partisipasi sekolah"
          name="schoolParticipation"
          state={state}
          initial={member?.schoolParticipation}
          options={SCHOOL_OPTIONS}
          placeholder="— Tidak ditanyakan —"
        />
        <SelectField
          label="JKN"
          name="jknStatus"
          state={state}
          initial={member?.jknStatus ?? "NONE"}
          options={JKN_OPTIONS}
        />
        <TextField
          label="Penyakit kronis"
          name="chronicIllness"
          state={state}
          initial={member?.chronicIllness}
          maxLength={200}
        />
        <TextField
          label="Disabilitas"
          name="disability"
          state={state}
          initial={member?.disability}
          maxLength={200}
        />
        <SelectField
          label="Status anggota"
          name="status"
          state={state}
          initial={member?.status ?? "PRESENT"}
          options={STATUS_OPTIONS}
        />
      </div>
      <FormMessage state={state} />
      <SubmitButton>{member ? "Simpan anggota" : "Tambah anggota"}</SubmitButton>
    </form>
  );
}
