import AddIcon from '@mui/icons-material/Add';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session';
import { canWriteModule } from '../auth/writeAccess';
import type { ModuleMeta } from '../core/metadata/types';
import { useModules } from '../core/metadata/useModules';
import { useLabel } from '../locale/LocaleProvider';

// The form and its inputs load when a module is picked, not with the first page.
const QuickCreateDialog = lazy(() => import('./QuickCreateDialog').then((m) => ({ default: m.QuickCreateDialog })));

/** Seed 000's quick add: (+) in the top corner → a module → its quick-create fields → save. */
export function QuickAddButton() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useCurrentUser();
  const { data: modules } = useModules();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [module, setModule] = useState<ModuleMeta | null>(null);
  const choices = (modules ?? []).filter((m) => canWriteModule(user, m));
  return (
    <>
      <Tooltip title={t('quickAdd.title')}>
        <IconButton
          color="inherit"
          aria-label={t('quickAdd.title')}
          aria-haspopup="menu"
          aria-expanded={Boolean(anchor)}
          onClick={(e) => setAnchor(e.currentTarget)}
          sx={{ border: 1, borderColor: 'rgba(255,255,255,0.5)' }}
        >
          <AddIcon />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {choices.map((m) => (
          <MenuItem
            key={m.name}
            onClick={() => {
              setAnchor(null);
              setModule(m);
            }}
          >
            {label(m.label.singular)}
          </MenuItem>
        ))}
      </Menu>
      {module && (
        <Suspense fallback={null}>
          <QuickCreateDialog key={module.name} module={module} onClose={() => setModule(null)} />
        </Suspense>
      )}
    </>
  );
}
