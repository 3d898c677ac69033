"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { IDLE } from "@/lib/action-result";
import { WELFARE_CATEGORIES, WELFARE_CATEGORY_LABEL } from "@/schemas/household";
import type { RegionOptions, RegistryHousehold } from "@/server/registry";
import { updateHouseholdAction } from "./actions";
import { errorsOf, FormMessage, SelectField, TextField, valueOf } from "./form-fields";
import { RegionSelects } from "./region-selects";

const CATEGORY_OPTIONS = WELFARE_CATEGORIES.map((c) => [c, WELFARE_CATEGORY_LABEL[c]] as const);
const DESIL_OPTIONS = Array.from({ length: 10 }, (_, i) => [String(i + 1), `Desil ${i + 1}`] as const);

export function HouseholdEditForm({
  household,
  regions,
}: {
  household: Pick<
    RegistryHousehold,
    | "id"
    | "desaCode"
    | "kecamatanCode"
    | "dusun"
    | "rt"
    | "rw"
    | "street"
    | "latitude"
    | "longitude"
    | "desil"
    | "category"
  >;
  regions: RegionOptions;
}) {
  const [state, action] = useActionState(updateHouseholdAction, IDLE);
  const desa = valueOf(state, "desaCode", household.desaCode);
  return (
    <form action={action} className="space-y-3" data-testid="household-edit-form" noValidate>
      <input type="hidden" name="householdId" value={household.id} />
      <div className="grid gap-3 md:grid-cols-2">
        <RegionSelects
          key={`${state.status}:${desa}:${state.status === "error" ? JSON.stringify(state.values ?? {}) : ""}`}
          regions={regions}
          kecamatanName="kecamatanCode"
          desaName="desaCode"
          initialKecamatan={desa.slice(0, 8) || household.kecamatanCode}
          initialDesa={desa}
          desaErrors={errorsOf(state, "desaCode")}
          allowAny={false}
        />
        <TextField
          label="Dusun/lingkungan"
          name="dusun"
          state={state}
          initial={household.dusun}
          maxLength={100}
        />
        <div className="grid grid-cols-2 gap-3">
          <TextField label="RT" name="rt" state={state} initial={household.rt} inputMode="numeric" />
          <TextField label="RW" name="rw" state={state} initial={household.rw} inputMode="numeric" />
        </div>
        <div className="md:col-span-2">
          <TextField
            label="Alamat jalan"
            name="street"
            state={state}
            initial={household.street}
            maxLength={200}
          />
        </div>
        <TextField
          label="Lintang (latitude)"
          name="latitude"
          state={state}
          initial={household.latitude}
          inputMode="decimal"
          placeholder="-8,2143"
        />
        <TextField
          label="Bujur (longitude)"
          name="longitude"
          state={state}
          initial={household.longitude}
          inputMode="decimal"
          placeholder="114,3651"
        />
        <SelectField
          label="Desil"
          name="desil"
          state={state}
          initial={household.desil}
          options={DESIL_OPTIONS}
          placeholder="— Belum diketahui —"
        />
        <SelectField
          label="Kategori"
          name="category"
          state={state}
          initial={household.category}
          options={CATEGORY_OPTIONS}
          placeholder="— Belum diketahui —"
        />
      </div>
      <FormMessage state={state} />
      <SubmitButton>Simpan data keluarga</SubmitButton>
    </form>
  );
}
