import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formErrorOf } from '../api/fieldErrors';
import { useSignIn } from './useSignIn';

const EMPTY = { firstName: '', lastName: '', email: '', password: '' };

/** The one-time set-up on an empty database: the first administrator, who is then logged in. */
export function SetupForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const setup = useSignIn<typeof EMPTY>('/auth/setup');
  const errors = fieldErrorsOf(setup.error);
  const formError = formErrorOf(setup.error, t('errors.unexpected'));
  const field = (name: keyof typeof EMPTY) => ({
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: Boolean(errors[name]),
    helperText: errors[name],
    required: true,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate(values);
  };

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label={t('auth.setupTitle')}>
      <Alert severity="info">{t('auth.setupIntro')}</Alert>
      {formError && <Alert severity="error">{formError}</Alert>}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField label={t('auth.firstName')} autoFocus {...field('firstName')} />
        <TextField label={t('auth.lastName')} {...field('lastName')} />
      </Stack>
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        slotProps={{ htmlInput: { dir: 'ltr' } }}
        {...field('email')}
      />
      <TextField
        label={t('auth.newPassword')}
        type="password"
        autoComplete="new-password"
        slotProps={{ htmlInput: { dir: 'ltr' } }}
        {...field('password')}
        helperText={errors.password ?? t('auth.passwordHint')}
      />
      <Button type="submit" variant="contained" size="large" loading={setup.isPending}>
        {t('auth.setupSubmit')}
      </Button>
    </Stack>
  );
}
