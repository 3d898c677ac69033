"use client";

import { useRef, useState, useSyncExternalStore } from "react";
import type { RegionOptions } from "@/server/registry";
import { FieldError } from "./form-fields";

const noSubscription = () => () => {};

/**
 * Kecamatan → desa/kelurahan. Before hydration (and without JS) the desa select lists every desa
 * grouped by kecamatan, so the form still works; once hydrated it lists only the chosen
 * kecamatan's desa and clears a desa that no longer fits.
 */
export function RegionSelects({
  regions,
  kecamatanName,
  desaName,
  initialKecamatan,
  initialDesa,
  desaErrors,
  allowAny,
}: {
  regions: RegionOptions;
  kecamatanName: string;
  desaName: string;
  initialKecamatan: string;
  initialDesa: string;
  desaErrors?: string[];
  /** Filters: "Semua" choices; edit forms: a desa is required. */
  allowAny: boolean;
}) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // Uncontrolled selects (a form reset after an action restores their default values); the state
  // only narrows the desa options. Parents re-key this component when the defaults change.
  const [kecamatan, setKecamatan] = useState(initialKecamatan);
  const kecamatanRef = useRef<HTMLSelectElement>(null);
  const desaRef = useRef<HTMLSelectElement>(null);
  const groups = regions.kecamatan
    .filter((k) => !hydrated || !kecamatan || k.code === kecamatan)
    .map((k) => ({ ...k, desa: regions.desa.filter((d) => d.kecamatanCode === k.code) }));
  const invalid = Boolean(desaErrors?.length);
  const selectClass = (bad: boolean) =>
    `mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm ${bad ? "border-red-500" : "border-slate-300"}`;
  return (
    <>
      <label className="block">
        <span className="text-sm font-medium">Kecamatan</span>
        <select
          ref={kecamatanRef}
          name={kecamatanName}
          defaultValue={initialKecamatan}
          onChange={(e) => {
            const next = e.target.value;
            setKecamatan(next);
            const desa = desaRef.current;
            if (desa?.value && next && !desa.value.startsWith(`${next}.`)) desa.value = "";
          }}
          className={selectClass(false)}
        >
          <option value="">{allowAny ? "Semua kecamatan" : "— Pilih kecamatan —"}</option>
          {regions.kecamatan.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
      </label>
      <div>
        <label className="block">
          <span className="text-sm font-medium">Desa/kelurahan</span>
          <select
            ref={desaRef}
            name={desaName}
            defaultValue={initialDesa}
            onChange={(e) => {
              const parent = regions.desa.find((d) => d.code === e.target.value)?.kecamatanCode;
              if (parent && kecamatanRef.current) {
                kecamatanRef.current.value = parent;
                setKecamatan(parent);
              }
            }}
            aria-invalid={invalid || undefined}
            className={selectClass(invalid)}
          >
            <option value="">{allowAny ? "Semua desa/kelurahan" : "— Pilih desa/kelurahan —"}</option>
            {groups.map((g) => (
              <optgroup key={g.code} label={`Kec. ${g.name}`}>
                {g.desa.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.level === "KELURAHAN" ? `Kel. ${d.name}` : d.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <FieldError messages={desaErrors} />
      </div>
    </>
  );
}
