import { ageOn, isSchoolAge } from "@/lib/dates";
import type { HouseholdDetail } from "@/server/households";

const RELATIONSHIP_LABEL: Record<HouseholdDetail["members"][number]["relationship"], string> = {
  HEAD: "Kepala keluarga",
  SPOUSE: "Istri/suami",
  CHILD: "Anak",
  CHILD_IN_LAW: "Menantu",
  GRANDCHILD: "Cucu",
  PARENT: "Orang tua/mertua",
  HELPER: "Pembantu/sopir",
  OTHER: "Lainnya",
};

export function MemberList({
  members,
  today = new Date(),
}: {
  members: HouseholdDetail["members"];
  today?: Date;
}) {
  return (
    <ul className="divide-y divide-slate-100">
      {members.map((member) => {
        const age = ageOn(member.birthDate, today);
        const schoolAge = isSchoolAge(age);
        return (
          <li key={member.id} className="flex items-center justify-between gap-2 py-2">
            <div>
              <p className="font-medium">{member.name}</p>
              <p className="text-sm text-slate-600">
                {RELATIONSHIP_LABEL[member.relationship]} ·{" "}
                {member.sex === "FEMALE" ? "Perempuan" : "Laki-laki"}
                {member.status !== "PRESENT" ? ` · ${member.status === "DIED" ? "Meninggal" : "Pindah"}` : ""}
              </p>
            </div>
            <span
              className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${
                schoolAge ? "bg-sky-100 text-sky-800" : "bg-slate-100 text-slate-700"
              }`}
              title={schoolAge ? "Usia sekolah (7–18 tahun)" : undefined}
            >
              {age} th{schoolAge ? " · usia sekolah" : ""}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
