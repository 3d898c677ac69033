// The members' ages on each day of the report's period, for the visit form's member cards (age,
// school-age questions). Computed on the server by the one age rule (src/lib/dates.ts) and handed
// to the form as steps, so the form does not ship the date library (docs/performance.md).

import {
  ageOn,
  calendarDateOfDayNumber,
  dayNumberOf,
  isSchoolAge,
  parseDateOnly,
  toDateOnlyString,
} from "@/lib/dates";
import type { VisitForm as VisitFormData } from "@/server/visits";
import type { AgeStep } from "./form-state";

/** Per member id: the age from the period's first day, then a step on each birthday in the period. */
export function memberAgeSteps(form: VisitFormData): Record<string, AgeStep[]> {
  const first = dayNumberOf(parseDateOnly(form.period.firstDay)!);
  const last = dayNumberOf(parseDateOnly(form.period.lastDay)!);
  const steps: Record<string, AgeStep[]> = {};
  for (const member of form.household.members) {
    const memberSteps: AgeStep[] = [];
    for (let dayNumber = first; dayNumber <= last; dayNumber++) {
      const day = toDateOnlyString(calendarDateOfDayNumber(dayNumber));
      const age = ageOn(member.birthDate, day);
      if (memberSteps.at(-1)?.age !== age) memberSteps.push({ from: day, age, schoolAge: isSchoolAge(age) });
    }
    steps[member.id] = memberSteps;
  }
  return steps;
}
