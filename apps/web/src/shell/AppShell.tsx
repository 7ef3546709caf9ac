import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { NotificationBell } from '../activities/notifications/NotificationBell';
import { GlobalSearch } from './GlobalSearch';
import { ModuleNav } from './ModuleNav';
import { PageLoader } from './PageLoader';
import { QuickAddButton } from './QuickAddButton';
import { UserMenu } from './UserMenu';

const NAV_WIDTH = 248;

/** The frame around every screen: top bar (search, quick add, user menu) and module navigation. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [navOpen, setNavOpen] = useState(false);
  const nav = <ModuleNav onNavigate={() => setNavOpen(false)} />;
  return (
    <Box sx={{ display: 'flex', minHeight: '100dvh', bgcolor: 'background.default' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 1 }}>
          <IconButton
            color="inherit"
            edge="start"
            aria-label={t('shell.openNavigation')}
            onClick={() => setNavOpen(true)}
            sx={{ display: { md: 'none' } }}
          >
            <MenuIcon />
          </IconButton>
          <Typography
            component={RouterLink}
            to="/"
            variant="h6"
            sx={{ color: 'inherit', textDecoration: 'none', fontWeight: 800, display: { xs: 'none', sm: 'block' } }}
          >
            {t('app.name')}
          </Typography>
          <Box sx={{ flex: 1, display: 'flex', justifyContent: 'center', minWidth: 0 }}>
            <GlobalSearch />
          </Box>
          <NotificationBell />
          <QuickAddButton />
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Box component="nav" aria-label={t('shell.navigation')} sx={{ width: { md: NAV_WIDTH }, flexShrink: 0 }}>
        <Drawer
          variant="temporary"
          open={navOpen}
          onClose={() => setNavOpen(false)}
          ModalProps={{ keepMounted: true }}
          sx={{ display: { xs: 'block', md: 'none' }, '& .MuiDrawer-paper': { width: NAV_WIDTH } }}
        >
          {nav}
        </Drawer>
        <Drawer
          variant="permanent"
          open
          sx={{ display: { xs: 'none', md: 'block' }, '& .MuiDrawer-paper': { width: NAV_WIDTH } }}
        >
          <Toolbar />
          {nav}
        </Drawer>
      </Box>
      <Box component="main" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <Toolbar />
        <Suspense fallback={<PageLoader />}>{children}</Suspense>
      </Box>
    </Box>
  );
}
