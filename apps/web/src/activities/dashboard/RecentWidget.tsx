import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ReferenceTitle } from '../../core/display/ReferenceTitle';
import { useModules } from '../../core/metadata/useModules';
import { usePreference } from '../../core/preferences/usePreference';
import { useLabel } from '../../locale/LocaleProvider';
import { RECENT_PREFERENCE, type RecentRecord } from './recentRecords';

/** The records I opened last, newest first, with their module. */
export function RecentWidget() {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: modules = [] } = useModules();
  const recent = usePreference<RecentRecord[]>(RECENT_PREFERENCE).value ?? [];
  const known = recent.filter((r) => modules.some((m) => m.name === r.module));
  if (known.length === 0) return <Typography color="text.secondary">{t('activities.dashboard.empty')}</Typography>;
  return (
    <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {known.map((r) => (
        <li key={`${r.module}-${r.id}`}>
          <ReferenceTitle module={r.module} id={r.id} />
          <Typography component="span" variant="body2" color="text.secondary">
            {' · '}
            {label(modules.find((m) => m.name === r.module)!.label.singular)}
          </Typography>
        </li>
      ))}
    </Stack>
  );
}
