import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formErrorOf } from '../api/fieldErrors';
import { useSignIn } from './useSignIn';

export function LoginForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useSignIn<{ email: string; password: string }>('/auth/login');
  const errors = fieldErrorsOf(login.error);
  const formError = formErrorOf(login.error, t('errors.unexpected'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label={t('auth.login')}>
      {formError && <Alert severity="error">{formError}</Alert>}
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={Boolean(errors.email)}
        helperText={errors.email}
        slotProps={{ htmlInput: { dir: 'ltr' } }}
        autoFocus
        required
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={Boolean(errors.password)}
        helperText={errors.password}
        slotProps={{ htmlInput: { dir: 'ltr' } }}
        required
      />
      <Button type="submit" variant="contained" size="large" loading={login.isPending}>
        {t('auth.login')}
      </Button>
    </Stack>
  );
}
