/** Suggestions for an "NIP ASN tujuan" input: NIP as the value, name, OPD and capacity as the label. */
export function AsnDatalist({
  id,
  options,
}: {
  id: string;
  options: { nip: string; name: string; opdName: string | null; quota: number; activeFamilies: number }[];
}) {
  return (
    <datalist id={id}>
      {options.map((o) => (
        <option key={o.nip} value={o.nip}>
          {`${o.name}${o.opdName ? ` · ${o.opdName}` : ""} · mengasuh ${o.activeFamilies}/${o.quota}`}
        </option>
      ))}
    </datalist>
  );
}
