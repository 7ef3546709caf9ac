import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { recordTitle } from '../core/metadata/fields';
import type { ModuleMeta } from '../core/metadata/types';
import { type LikelyDuplicate, duplicatesApi } from './duplicatesApi';

/**
 * Before a new record is saved, the server is asked whether it likely duplicates one: if so the
 * form shows them ("open it") and saves only when the user says so ("save anyway").
 */
export function useDuplicateGuard(module: ModuleMeta): {
  guard(body: Record<string, unknown>, save: () => void): void;
  warning: ReactNode;
} {
  const { t } = useTranslation();
  const [found, setFound] = useState<{ matches: LikelyDuplicate[]; save: () => void } | null>(null);
  const guard = (body: Record<string, unknown>, save: () => void) => {
    if (!module.findsDuplicates) return save();
    duplicatesApi.check(module.name, body).then(
      ({ data }) => (data.length > 0 ? setFound({ matches: data, save }) : save()),
      // A value the check refuses is refused by the save too, which says why next to the field.
      () => save(),
    );
  };
  const warning = found && (
    <Alert
      severity="warning"
      action={
        <Button
          color="inherit"
          onClick={() => {
            setFound(null);
            found.save();
          }}
        >
          {t('duplicates.saveAnyway')}
        </Button>
      }
    >
      <AlertTitle>{t('duplicates.likely')}</AlertTitle>
      <Stack component="ul" sx={{ m: 0, pl: 2 }}>
        {found.matches.map(({ record, reasons }) => (
          <li key={record.id}>
            <Link component={RouterLink} to={`/${module.name}/${record.id}`}>
              {t('duplicates.openIt', { title: recordTitle(module, record) || record.number })}
            </Link>{' '}
            ({reasons.map((r) => t(`duplicates.reasons.${r}`)).join('، ')})
          </li>
        ))}
      </Stack>
    </Alert>
  );
  return { guard, warning };
}
