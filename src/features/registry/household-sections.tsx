import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { ageOn, formatDateShort, formatDateTime, isSchoolAge } from "@/lib/dates";
import {
  JKN_LABEL,
  MEMBER_STATUS_LABEL,
  RELATIONSHIP_LABEL,
  SCHOOL_LABEL,
  SEX_LABEL,
} from "@/schemas/household";
import {
  IDENTITY_CHANGED,
  type AssignmentHistoryEntry,
  type AuditTrailEntry,
  type RegistryMember,
} from "@/server/registry";
import { AUDIT_ACTION_LABEL, AUDIT_FIELD_LABEL, auditValueText } from "./labels";

export function MemberTable({ members, today = new Date() }: { members: RegistryMember[]; today?: Date }) {
  return (
    <Table testId="member-table">
      <thead>
        <tr>
          <Th>Nama</Th>
          <Th>NIK</Th>
          <Th align="right">Umur</Th>
          <Th>Hubungan</Th>
          <Th>Sekolah</Th>
          <Th>JKN</Th>
          <Th>Penyakit kronis</Th>
          <Th>Disabilitas</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody>
        {members.length === 0 ? (
          <EmptyRow colSpan={9}>Belum ada anggota keluarga.</EmptyRow>
        ) : (
          members.map((m) => {
            const age = ageOn(m.birthDate, today);
            return (
              <tr key={m.id}>
                <Td>
                  <span className="font-medium">{m.name}</span>
                  <span className="block text-xs text-slate-500">
                    {SEX_LABEL[m.sex]} · lahir {formatDateShort(m.birthDate)}
                  </span>
                </Td>
                <Td className="font-mono text-xs whitespace-nowrap">{m.nik}</Td>
                <Td align="right">
                  {age}
                  {isSchoolAge(age) ? <span className="block text-xs text-sky-800">usia sekolah</span> : null}
                </Td>
                <Td>{RELATIONSHIP_LABEL[m.relationship]}</Td>
                <Td>{m.schoolParticipation ? SCHOOL_LABEL[m.schoolParticipation] : "–"}</Td>
                <Td>{JKN_LABEL[m.jknStatus]}</Td>
                <Td>{m.chronicIllness ?? "–"}</Td>
                <Td>{m.disability ?? "–"}</Td>
                <Td>{MEMBER_STATUS_LABEL[m.status]}</Td>
              </tr>
            );
          })
        )}
      </tbody>
    </Table>
  );
}

export function AssignmentHistory({ entries }: { entries: AssignmentHistoryEntry[] }) {
  return (
    <Table testId="assignment-history">
      <thead>
        <tr>
          <Th>ASN</Th>
          <Th>Sebelumnya</Th>
          <Th>Mulai</Th>
          <Th>Berakhir</Th>
          <Th>Ditugaskan oleh / alasan</Th>
          <Th>Diakhiri oleh / alasan</Th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 ? (
          <EmptyRow colSpan={6}>Keluarga ini belum pernah ditugaskan ke ASN.</EmptyRow>
        ) : (
          entries.map((a) => (
            <tr key={a.id} data-testid="assignment-row">
              <Td>
                <span className="font-medium">{a.asnName}</span>
                {a.asnNip ? <span className="block font-mono text-xs text-slate-500">{a.asnNip}</span> : null}
              </Td>
              <Td>{a.previousAsnName ?? "–"}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(a.startedAt)}</Td>
              <Td className="whitespace-nowrap">
                {a.endedAt ? (
                  formatDateTime(a.endedAt)
                ) : (
                  <span className="font-semibold text-brand-800">Aktif</span>
                )}
              </Td>
              <Td>
                {a.assignedByName ?? "–"}
                {a.reason ? <span className="block text-xs text-slate-600">{a.reason}</span> : null}
              </Td>
              <Td>
                {a.endedAt ? (a.endedByName ?? "–") : ""}
                {a.endReason ? <span className="block text-xs text-slate-600">{a.endReason}</span> : null}
              </Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

export function AuditTrail({
  entries,
  identityViews,
  regionNames,
}: {
  entries: AuditTrailEntry[];
  identityViews: number;
  regionNames: Map<string, string>;
}) {
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        NIK/No KK lengkap keluarga ini sudah ditampilkan {identityViews} kali.
      </p>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">Belum ada perubahan tercatat.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="audit-trail">
          {entries.map((e) => (
            <li key={e.id} className="py-2 text-sm">
              <p>
                <span className="font-medium">{AUDIT_ACTION_LABEL[e.action] ?? e.action}</span>
                {e.changes?.member ? ` · ${e.changes.member.name}` : ""}
                <span className="text-slate-500">
                  {" "}
                  · {e.actorName ?? "Sistem"} · {formatDateTime(e.createdAt)}
                </span>
              </p>
              <ul className="mt-1 space-y-0.5 text-slate-700">
                {Object.entries(e.changes?.fields ?? {}).map(([field, change]) => (
                  <li key={field}>
                    {change === IDENTITY_CHANGED || typeof change !== "object" || change === null ? (
                      <>{AUDIT_FIELD_LABEL[field] ?? field} diubah</>
                    ) : (
                      <>
                        {AUDIT_FIELD_LABEL[field] ?? field}: {auditValueText(field, change.from, regionNames)}{" "}
                        → {auditValueText(field, change.to, regionNames)}
                      </>
                    )}
                  </li>
                ))}
                {e.changes?.reason ? <li>Alasan: {e.changes.reason}</li> : null}
                {e.changes?.endedAssignment ? (
                  <li>Penugasan {e.changes.endedAssignment.asnName} diakhiri.</li>
                ) : null}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
