import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ModuleMeta } from '../core/metadata/types';
import { useLocale } from '../locale/LocaleProvider';
import { useRecentImports } from './importsApi';

/** The module's latest imports under the upload, each a link to its page: its result, error report and undo. */
export function RecentImports({ module }: { module: ModuleMeta }) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const { data } = useRecentImports(module.name);
  if (!data || data.length === 0) return null;
  const n = (value: number) => format.number(value);
  return (
    <section aria-labelledby="recent-imports-title">
      <Typography id="recent-imports-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('imports.recent.title')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('imports.recent.file')}</TableCell>
            <TableCell>{t('imports.recent.createdAt')}</TableCell>
            <TableCell>{t('imports.recent.status')}</TableCell>
            <TableCell>{t('imports.summary.imported')}</TableCell>
            <TableCell>{t('imports.summary.failed')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((i) => (
            <TableRow key={i.id} data-import={i.id}>
              <TableCell>
                <Link component={RouterLink} to={`/${module.name}/imports/${i.id}`}>
                  {i.fileName}
                </Link>
              </TableCell>
              <TableCell>{format.dateTime(i.createdAt)}</TableCell>
              <TableCell>{t(`imports.status.${i.status}`)}</TableCell>
              <TableCell>{n(i.imported + i.updated)}</TableCell>
              <TableCell>{n(i.failed)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
