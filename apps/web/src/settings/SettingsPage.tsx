import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useModules } from '../core/metadata/useModules';
import { PageHeader } from '../core/PageHeader';
import { useLabel } from '../locale/LocaleProvider';
import { PageLoader } from '../shell/PageLoader';
import { AdminOnly } from './AdminOnly';

/** Administration: each module's fields and layout, and the users and groups (ordinary modules). */
export function SettingsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: modules } = useModules();
  const card = (to: string, title: string, text: string) => (
    <Card key={to} variant="outlined">
      <CardActionArea component={RouterLink} to={to} sx={{ height: '100%' }}>
        <CardContent>
          <Typography fontWeight={700}>{title}</Typography>
          <Typography variant="body2" color="text.secondary">
            {text}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
  const grid = { display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', mb: 4 };
  return (
    <AdminOnly>
      <PageHeader title={t('settings.title')} />
      <Box sx={{ px: { xs: 2, sm: 3 }, pb: 3 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('settings.fieldsAndLayout')}
        </Typography>
        {modules ? (
          <Box sx={grid}>
            {modules.map((m) =>
              card(
                `/settings/fields/${m.name}`,
                label(m.label.plural),
                t('settings.fieldsOf', { module: label(m.label.plural) }),
              ),
            )}
          </Box>
        ) : (
          <PageLoader />
        )}
        <Typography variant="h6" component="h2" gutterBottom>
          {t('settings.people')}
        </Typography>
        <Box sx={grid}>
          {card('/users', t('settings.users'), t('settings.usersHint'))}
          {card('/groups', t('settings.groups'), t('settings.groupsHint'))}
        </Box>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('sales.settings.heading')}
        </Typography>
        <Box sx={grid}>
          {card('/settings/lead-conversion', t('sales.mapping.title'), t('sales.settings.mappingHint'))}
          {card('/settings/lead-assignment', t('sales.assignment.title'), t('sales.settings.assignmentHint'))}
          {card(
            '/settings/fields/opportunities?field=stage',
            t('sales.settings.stages'),
            t('sales.settings.stagesHint'),
          )}
          {card(
            '/settings/fields/leads?field=leadStatus',
            t('sales.settings.statuses'),
            t('sales.settings.statusesHint'),
          )}
          {card(
            '/settings/fields/leads?field=leadSource',
            t('sales.settings.sources'),
            t('sales.settings.sourcesHint'),
          )}
          {card(
            '/settings/fields/organizations?field=industry',
            t('sales.settings.industries'),
            t('sales.settings.industriesHint'),
          )}
        </Box>
      </Box>
    </AdminOnly>
  );
}
