import TransformIcon from '@mui/icons-material/Transform';
import Button from '@mui/material/Button';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanWrite } from '../../auth/writeAccess';
import type { RecordPartProps } from '../../core/detail/recordPartProps';

const ConvertLeadDialog = lazy(() => import('./ConvertLeadDialog').then((m) => ({ default: m.ConvertLeadDialog })));

/** The lead page's «تبدیل سرنخ» button; a converted lead has none. */
export function ConvertLeadAction({ module, record }: RecordPartProps) {
  const { t } = useTranslation();
  const canWrite = useCanWrite(module);
  const [open, setOpen] = useState(false);
  if (!canWrite || record.converted === true) return null;
  return (
    <>
      <Button variant="contained" startIcon={<TransformIcon />} onClick={() => setOpen(true)}>
        {t('sales.convert.action')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ConvertLeadDialog lead={record} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
