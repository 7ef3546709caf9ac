import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/http';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { PageLoader } from '../shell/PageLoader';
import { LoginForm } from './LoginForm';
import { SetupForm } from './SetupForm';

/** Log in, or on an empty database create the first administrator (the one-time set-up). */
export function SignInPage() {
  const { t } = useTranslation();
  const setup = useQuery({
    queryKey: ['auth', 'setup'],
    queryFn: () => api.get<{ needed: boolean }>('/auth/setup'),
  });
  return (
    <Box
      component="main"
      sx={{ minHeight: '100dvh', display: 'grid', placeItems: 'center', p: 2, bgcolor: 'background.default' }}
    >
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 420, p: { xs: 3, sm: 4 } }}>
        <Stack spacing={3}>
          <Stack direction="row" alignItems="center" justifyContent="space-between">
            <Box>
              <Typography variant="h5" component="h1" fontWeight={700}>
                {t('app.name')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('app.tagline')}
              </Typography>
            </Box>
            <LanguageSwitch />
          </Stack>
          {setup.isPending ? <PageLoader /> : setup.data?.needed ? <SetupForm /> : <LoginForm />}
        </Stack>
      </Paper>
    </Box>
  );
}
