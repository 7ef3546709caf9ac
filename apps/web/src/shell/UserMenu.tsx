import LogoutIcon from '@mui/icons-material/Logout';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../api/http';
import { SESSION_KEY, useCurrentUser } from '../auth/session';
import type { Calendar } from '../locale/format';
import { useLocale } from '../locale/LocaleProvider';
import { LanguageSwitch } from './LanguageSwitch';

/** Who is logged in, their language and calendar, and log-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const { format, setCalendar } = useLocale();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  const initials = [user.firstName, user.lastName].map((n) => String(n ?? '').charAt(0)).join('');

  const logout = async () => {
    setAnchor(null);
    await api.post('/auth/logout');
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
  };

  return (
    <>
      <IconButton
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-label={t('user.menu')}
        aria-haspopup="menu"
        aria-expanded={Boolean(anchor)}
        color="inherit"
      >
        <Avatar sx={{ width: 32, height: 32, bgcolor: 'secondary.main', fontSize: 14 }}>{initials}</Avatar>
      </IconButton>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <Box sx={{ px: 2, py: 1 }}>
          <Typography fontWeight={700}>{name}</Typography>
          <Typography variant="body2" color="text.secondary" dir="ltr">
            {String(user.email)}
          </Typography>
        </Box>
        <Divider />
        <Box sx={{ px: 2, py: 1.5, display: 'grid', gap: 1 }}>
          <Typography variant="caption" color="text.secondary">
            {t('user.language')}
          </Typography>
          <LanguageSwitch />
          <Typography variant="caption" color="text.secondary">
            {t('user.calendar')}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={format.calendar}
            onChange={(_, next: Calendar | null) => next && setCalendar(next)}
            aria-label={t('user.calendar')}
          >
            <ToggleButton value="jalali">{t('user.jalali')}</ToggleButton>
            <ToggleButton value="gregorian">{t('user.gregorian')}</ToggleButton>
          </ToggleButtonGroup>
        </Box>
        <Divider />
        <MenuItem onClick={() => void logout()}>
          <ListItemIcon>
            <LogoutIcon fontSize="small" />
          </ListItemIcon>
          {t('auth.logout')}
        </MenuItem>
      </Menu>
    </>
  );
}
