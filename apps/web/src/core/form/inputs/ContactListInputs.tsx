import { EMAIL_KINDS, PHONE_KINDS, SOCIAL_NETWORKS } from '@peyvand/shared';
import { type KindValueList, KindValueListInput } from './KindValueListInput';
import type { InputProps } from './types';

interface PhoneRow {
  kind: string;
  number: string;
}
interface EmailRow {
  kind: string;
  address: string;
}
interface SocialRow {
  network: string;
  handle: string;
}

// A contact's phones, e-mails and social accounts share one row (a kind, then a value); only keys and labels differ.
const PHONES: KindValueList<'kind', 'number'> = {
  group: 'phone',
  kinds: PHONE_KINDS,
  kindKey: 'kind',
  valueKey: 'number',
  defaultKind: 'mobile',
  kindLabel: 'form.kind',
  valueLabel: 'form.phoneNumber',
  inputMode: 'tel',
  named: true,
  autoFocusFirst: true,
};

const EMAILS: KindValueList<'kind', 'address'> = {
  group: 'email',
  kinds: EMAIL_KINDS,
  kindKey: 'kind',
  valueKey: 'address',
  defaultKind: 'work',
  kindLabel: 'form.kind',
  valueLabel: 'form.emailAddress',
  inputMode: 'email',
  named: true,
};

const SOCIALS: KindValueList<'network', 'handle'> = {
  group: 'social',
  kinds: SOCIAL_NETWORKS,
  kindKey: 'network',
  valueKey: 'handle',
  defaultKind: 'instagram',
  kindLabel: 'form.network',
  valueLabel: 'form.handle',
};

export function PhoneListInput(props: InputProps<PhoneRow[]>) {
  return <KindValueListInput {...props} list={PHONES} />;
}

export function EmailListInput(props: InputProps<EmailRow[]>) {
  return <KindValueListInput {...props} list={EMAILS} />;
}

export function SocialListInput(props: InputProps<SocialRow[]>) {
  return <KindValueListInput {...props} list={SOCIALS} />;
}
