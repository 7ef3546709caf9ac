import { formFields } from '../core/form/formFields';
import type { FieldMeta, ModuleMeta } from '../core/metadata/types';

/** Beside the quick-create fields, what a call or follow-up is set up with from a record or the calendar. */
const EXTRA = ['endsAt', 'recurrence', 'reminders', 'callOutcome', 'description'];

/** The activity form of the timeline and the calendar: the quick-create fields and a few more, in layout order. */
export function activityFormFields(module: ModuleMeta): FieldMeta[] {
  const quick = new Set(formFields(module, 'quick', true).map((f) => f.name));
  return formFields(module, 'full', true).filter((f) => quick.has(f.name) || EXTRA.includes(f.name));
}
