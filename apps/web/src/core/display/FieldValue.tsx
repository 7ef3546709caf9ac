import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import type { StoredPhone } from '@peyvand/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel, useLocale } from '../../locale/LocaleProvider';
import type { FieldMeta } from '../metadata/types';
import { ReferenceTitle } from './ReferenceTitle';
import { RecurrenceText } from './recurrenceText';
import { type Address, formatAddress } from './address';

interface Props {
  field: FieldMeta;
  value: unknown;
  /** A single phone as typed, from the record's `typed` map. */
  typed?: string;
  /** Lists show a compact form: the first item of a list, no line breaks. */
  compact?: boolean;
}

const Ltr = ({ children }: { children: ReactNode }) => (
  <bdi dir="ltr" style={{ unicodeBidi: 'isolate' }}>
    {children}
  </bdi>
);

/** A stored value the way a person reads it: Persian digits, Jalali dates, labels for codes. */
export function FieldValue({ field, value, typed, compact }: Props) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const label = useLabel();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <span aria-label={t('record.empty')}>—</span>;
  }
  const optionLabel = (v: string) => {
    const option = field.options?.find((o) => o.value === v);
    return option ? label(option.label) : v;
  };
  const list = (items: ReactNode[]) =>
    compact ? (
      <span>
        {items[0]}
        {items.length > 1 && ` (+${format.digits(items.length - 1)})`}
      </span>
    ) : (
      <Stack spacing={0.5}>{items}</Stack>
    );

  switch (field.type) {
    case 'number':
      return <>{format.number(Number(value))}</>;
    case 'currency':
      return <>{format.amount(Number(value))}</>;
    case 'percent':
      return <>{format.percent(Number(value))}</>;
    case 'date':
      return <>{format.date(String(value))}</>;
    case 'datetime':
      return <>{format.dateTime(String(value))}</>;
    case 'boolean':
      return <>{value ? t('common.yes') : t('common.no')}</>;
    case 'picklist':
      return <>{optionLabel(String(value))}</>;
    case 'multiPicklist':
    case 'tags': {
      const values = value as string[];
      const chips = values.map((v) => (
        <Chip key={v} size="small" label={field.type === 'tags' ? v : optionLabel(v)} sx={{ me: 0.5 }} />
      ));
      return compact ? list(chips) : <span>{chips}</span>;
    }
    case 'phone':
      return (
        <Link href={`tel:${String(value)}`} onClick={(e) => e.stopPropagation()}>
          <Ltr>{format.digits(typed ?? String(value))}</Ltr>
        </Link>
      );
    case 'phoneList':
      return list(
        (value as (StoredPhone & { kind: string })[]).map((p) => (
          <span key={p.number + p.kind}>
            <Link href={`tel:${p.number}`} onClick={(e) => e.stopPropagation()}>
              <Ltr>{format.digits(p.typed || p.number)}</Ltr>
            </Link>
            {!compact && ` · ${t(`kinds.phone.${p.kind}`)}`}
          </span>
        )),
      );
    case 'email':
      return (
        <Link href={`mailto:${String(value)}`} onClick={(e) => e.stopPropagation()}>
          <Ltr>{String(value)}</Ltr>
        </Link>
      );
    case 'emailList':
      return list(
        (value as { kind: string; address: string }[]).map((e) => (
          <span key={e.address}>
            <Link href={`mailto:${e.address}`} onClick={(event) => event.stopPropagation()}>
              <Ltr>{e.address}</Ltr>
            </Link>
            {!compact && ` · ${t(`kinds.email.${e.kind}`)}`}
          </span>
        )),
      );
    case 'socialList':
      return list(
        (value as { network: string; handle: string }[]).map((s) => (
          <span key={s.network + s.handle}>
            {t(`kinds.social.${s.network}`)}: <Ltr>@{s.handle}</Ltr>
          </span>
        )),
      );
    case 'url':
      return (
        <Link href={String(value)} target="_blank" rel="noopener noreferrer" onClick={(e) => e.stopPropagation()}>
          <Ltr>{String(value).replace(/^https?:\/\//, '')}</Ltr>
        </Link>
      );
    case 'reference':
      return field.target ? <ReferenceTitle module={field.target} id={String(value)} /> : null;
    case 'referenceList':
      return list((value as string[]).map((id) => <ReferenceTitle key={id} module={field.target!} id={id} />));
    case 'recordLinks':
    case 'participants':
      return list(
        (value as { module: string; id: string }[]).map((l) => (
          <ReferenceTitle key={`${l.module}/${l.id}`} module={l.module} id={l.id} />
        )),
      );
    case 'reminders':
      return list(
        (value as { minutesBefore: number; channels: string[] }[]).map((r) => (
          <span key={r.minutesBefore}>
            {t('record.reminder', {
              n: format.number(r.minutesBefore),
              channels: r.channels.map((c) => t(`kinds.reminder.${c}`)).join(format.language === 'fa' ? '، ' : ', '),
            })}
          </span>
        )),
      );
    case 'address':
      return <>{formatAddress(value as Address, format)}</>;
    case 'addressList':
      return list(
        (value as Address[]).map((a, i) => (
          <span key={i}>
            {!compact && <strong>{t(`kinds.address.${a.kind}`)}: </strong>}
            {formatAddress(a, format)}
          </span>
        )),
      );
    case 'nationalCode':
    case 'legalNationalId':
    case 'economicCode':
    case 'postalCode':
      return <Ltr>{format.digits(String(value))}</Ltr>;
    case 'recurrence':
      return <RecurrenceText rule={String(value)} />;
    case 'longText':
      return compact ? <>{String(value)}</> : <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
    default:
      return <>{String(value)}</>;
  }
}
