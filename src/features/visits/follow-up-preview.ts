// "Laporan ini akan membuat tindak lanjut": the follow-ups a report would raise, by the same rules
// the server applies when it stores the report (src/lib/follow-up-rules.ts). The report page
// computes it for the form's initial state on the server; the form loads this module once the ASN
// changes an answer, so the rules stay out of the page's first load (docs/performance.md).

import { FOLLOW_UP_LABEL, problemsIn, type FollowUpType } from "@/lib/follow-up-rules";
import { isHouseLivable } from "@/lib/regsosek";
import { houseAnswersOf, type ClientVisitForm, type FormState } from "./form-state";

export type PreviewItem = { type: FollowUpType; label: string; detail: string };

/**
 * Empty until the "sebatang kara" question is answered. Without the routine-aid follow-up: it
 * depends on the family's desil and category, which the form does not hold.
 */
export function previewFollowUps(
  state: FormState,
  form: Pick<ClientVisitForm, "household" | "today">,
): PreviewItem[] {
  if (state.livingAlone.anyoneAlone === null) return [];
  const familyAbsent = state.changes.familyMoved || state.changes.familyNotFound;
  const presentCount = state.members.filter((m) => m.presence === "PRESENT").length;
  const house = houseAnswersOf(state.house);
  return problemsIn(
    {
      livingAlone: {
        anyoneAlone: state.livingAlone.anyoneAlone,
        hasCaregiver: state.livingAlone.hasCaregiver,
      },
      members: state.members,
      aid: state.aid,
      house: house && !familyAbsent ? { ...house, livable: isHouseLivable(house, presentCount) } : null,
      changes: state.changes,
    },
    {
      desil: null,
      category: null,
      members: form.household.members.map((m) => ({
        id: m.id,
        name: m.name,
        birthDate: new Date(m.birthDate),
      })),
    },
    state.visitDate || form.today,
  )
    .filter((p) => p.type !== "NO_ROUTINE_AID")
    .map((p) => ({ type: p.type, label: FOLLOW_UP_LABEL[p.type], detail: p.detail }));
}
