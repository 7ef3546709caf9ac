import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useReferenceTitle } from '../records/useReferenceTitle';

/** A referenced record's title, linked to it. */
export function ReferenceTitle({ module, id, link = true }: { module: string; id: string; link?: boolean }) {
  const { t } = useTranslation();
  const { title, isPending, missing } = useReferenceTitle(module, id);
  if (isPending) return <Skeleton variant="text" width={80} sx={{ display: 'inline-block' }} />;
  if (missing) return <span>{t('record.missingReference')}</span>;
  if (!link) return <span>{title}</span>;
  return (
    <Link component={RouterLink} to={`/${module}/${id}`} onClick={(e) => e.stopPropagation()}>
      {title}
    </Link>
  );
}
