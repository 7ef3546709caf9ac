import CalendarMonthIcon from '@mui/icons-material/CalendarMonthOutlined';
import DashboardIcon from '@mui/icons-material/DashboardOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import SettingsIcon from '@mui/icons-material/SettingsOutlined';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Skeleton from '@mui/material/Skeleton';
import type { ModuleGroup } from '@peyvand/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { isAdmin, useCurrentUser } from '../auth/session';
import { useModules } from '../core/metadata/useModules';
import { useLabel } from '../locale/LocaleProvider';
import { groupLinks } from '../modules/groupLinks';

const GROUP_ORDER: ModuleGroup[] = ['marketing', 'sales', 'support', 'admin'];

/** Modules grouped as vtiger groups them (Marketing, Sales, Support), straight from metadata. */
export function ModuleNav({ onNavigate }: { onNavigate(): void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useCurrentUser();
  const { data: modules } = useModules();
  const link = (to: string, text: string, icon?: ReactNode) => (
    <ListItemButton
      key={to}
      component={NavLink}
      to={to}
      end={to === '/'}
      onClick={onNavigate}
      sx={{ borderRadius: 2, mx: 1 }}
    >
      {icon && <ListItemIcon sx={{ minWidth: 36 }}>{icon}</ListItemIcon>}
      <ListItemText primary={text} />
    </ListItemButton>
  );
  if (!modules) {
    return (
      <List aria-busy>
        {[1, 2, 3, 4].map((i) => (
          <Skeleton key={i} variant="rounded" height={36} sx={{ mx: 2, my: 1 }} />
        ))}
      </List>
    );
  }
  return (
    <List sx={{ '& .active': { bgcolor: 'action.selected', fontWeight: 700 } }}>
      {link('/', t('activities.dashboard.title'), <DashboardIcon fontSize="small" />)}
      {link('/calendar', t('activities.calendar.title'), <CalendarMonthIcon fontSize="small" />)}
      {GROUP_ORDER.map((group) => {
        const members = modules.filter((m) => m.group === group);
        if (members.length === 0) return null;
        return (
          <li key={group}>
            <List disablePadding>
              <ListSubheader disableSticky>{t(`nav.groups.${group}`)}</ListSubheader>
              {members.map((m) => link(`/${m.name}`, label(m.label.plural)))}
              {groupLinks[group]?.map((extra) => link(extra.to, t(extra.labelKey), extra.icon))}
            </List>
          </li>
        );
      })}
      <li>
        <List disablePadding>
          <ListSubheader disableSticky>{t('nav.tools')}</ListSubheader>
          {link('/recycle-bin', t('recycleBin.title'), <DeleteOutlineIcon fontSize="small" />)}
          {isAdmin(user) && link('/settings', t('settings.title'), <SettingsIcon fontSize="small" />)}
        </List>
      </li>
    </List>
  );
}
