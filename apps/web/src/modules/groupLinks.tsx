import BarChartIcon from '@mui/icons-material/BarChartOutlined';
import ViewKanbanIcon from '@mui/icons-material/ViewKanbanOutlined';
import type { ModuleGroup } from '@peyvand/shared';
import type { ReactNode } from 'react';

/** A screen that is not a module's list but belongs in a navigation group (the pipeline board under Sales). */
export interface GroupLink {
  to: string;
  /** i18next key of its name. */
  labelKey: string;
  icon: ReactNode;
}

export const groupLinks: Partial<Record<ModuleGroup, GroupLink[]>> = {
  sales: [
    { to: '/opportunities/board', labelKey: 'sales.nav.board', icon: <ViewKanbanIcon fontSize="small" /> },
    { to: '/sales-reports', labelKey: 'sales.nav.reports', icon: <BarChartIcon fontSize="small" /> },
  ],
};
