import type { Address } from '../../display/address';
import { AddressInput, type AddressMirror } from './AddressInput';
import { AddressListInput } from './AddressListInput';
import { BooleanInput } from './BooleanInput';
import { EmailListInput, PhoneListInput, SocialListInput } from './ContactListInputs';
import { DateInput } from './DateInput';
import { LinksInput } from './LinksInput';
import { NumberInput } from './NumberInput';
import { MultiPicklistInput, PicklistInput } from './PicklistInput';
import { ReferenceListPicker, ReferencePicker } from './ReferenceInput';
import { RecurrenceInput } from './RecurrenceInput';
import { type ReminderRow, RemindersInput } from './RemindersInput';
import { TagsInput } from './TagsInput';
import { TextInput } from './TextInput';
import { type InputProps, errorOf } from './types';

/** The right input for a field's type; every form and inline editor goes through here. */
export function FieldInput(props: InputProps & { mirror?: AddressMirror }) {
  const { field } = props;
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
      return <NumberInput {...(props as InputProps<string>)} />;
    case 'date':
    case 'datetime':
      return <DateInput {...(props as InputProps<string | null>)} />;
    case 'boolean':
      return <BooleanInput {...(props as InputProps<boolean>)} />;
    case 'picklist':
      return <PicklistInput {...(props as InputProps<string | null>)} />;
    case 'multiPicklist':
      return <MultiPicklistInput {...(props as InputProps<string[]>)} />;
    case 'tags':
      return <TagsInput {...(props as InputProps<string[]>)} />;
    case 'reference':
      return (
        <ReferencePicker
          target={field.target!}
          label={props.label}
          value={props.value as string | null}
          onChange={props.onChange}
          error={errorOf(props)}
          required={field.required}
          autoFocus={props.autoFocus}
          disabled={props.disabled}
          name={field.filterPath}
        />
      );
    case 'referenceList':
      return (
        <ReferenceListPicker
          target={field.target!}
          label={props.label}
          value={props.value as string[]}
          onChange={props.onChange}
          error={errorOf(props)}
          disabled={props.disabled}
        />
      );
    case 'phoneList':
      return <PhoneListInput {...(props as InputProps<{ kind: string; number: string }[]>)} />;
    case 'emailList':
      return <EmailListInput {...(props as InputProps<{ kind: string; address: string }[]>)} />;
    case 'socialList':
      return <SocialListInput {...(props as InputProps<{ network: string; handle: string }[]>)} />;
    case 'address':
      return <AddressInput {...(props as InputProps<Address | null>)} mirror={props.mirror} />;
    case 'addressList':
      return <AddressListInput {...(props as InputProps<Address[]>)} />;
    case 'recordLinks':
    case 'participants':
      return <LinksInput {...(props as InputProps<{ module: string; id: string }[]>)} />;
    case 'reminders':
      return <RemindersInput {...(props as InputProps<ReminderRow[]>)} />;
    case 'recurrence':
      return <RecurrenceInput {...(props as InputProps<string>)} />;
    default:
      return <TextInput {...(props as InputProps<string>)} />;
  }
}
