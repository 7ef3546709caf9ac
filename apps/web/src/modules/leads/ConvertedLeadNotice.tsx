import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import type { RecordPartProps } from '../../core/detail/recordPartProps';
import { ReferenceTitle } from '../../core/display/ReferenceTitle';
import { useModules } from '../../core/metadata/useModules';
import { useLabel, useLocale } from '../../locale/LocaleProvider';
import { CONVERSION_PARTS, PART_MODULES } from './conversionApi';

/** A converted lead is kept read-only; this says so and links to what it became. */
export function ConvertedLeadNotice({ record }: RecordPartProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const { data: modules } = useModules();
  if (record.converted !== true) return null;
  const links = CONVERSION_PARTS.flatMap((part) => {
    const id = record[`converted${part[0]!.toUpperCase()}${part.slice(1)}Id`];
    const module = modules?.find((m) => m.name === PART_MODULES[part]);
    return typeof id === 'string' && module ? [{ module, id }] : [];
  });
  return (
    <Alert severity="info" sx={{ mx: { xs: 2, sm: 3 }, mb: 2 }}>
      <AlertTitle>
        {typeof record.convertedAt === 'string'
          ? t('sales.converted.titleAt', { when: format.dateTime(record.convertedAt) })
          : t('sales.converted.title')}
      </AlertTitle>
      <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap">
        {links.map(({ module, id }) => (
          <span key={module.name}>
            {label(module.label.singular)}: <ReferenceTitle module={module.name} id={id} />
          </span>
        ))}
      </Stack>
    </Alert>
  );
}
