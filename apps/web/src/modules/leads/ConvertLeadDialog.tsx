import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiRecord } from '../../core/metadata/types';
import { useModules } from '../../core/metadata/useModules';
import { recordKeys } from '../../core/records/recordsApi';
import { PageLoader } from '../../shell/PageLoader';
import { conversionApi } from './conversionApi';
import { ConversionForm } from './ConversionForm';

/** «تبدیل سرنخ»: waits for what a conversion would create, then lets the user adjust it. */
export function ConvertLeadDialog({ lead, onClose }: { lead: ApiRecord; onClose(): void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const modules = useModules();
  // Fetched on each opening: the lead or the mapping may have changed since.
  const start = useQuery({
    queryKey: [...recordKeys.one('leads', lead.id), 'conversion-defaults'],
    queryFn: () => conversionApi.start(lead.id),
    gcTime: 0,
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" fullScreen={phone} aria-labelledby="convert-title">
      <DialogTitle id="convert-title">{t('sales.convert.title')}</DialogTitle>
      {start.isError || modules.isError ? (
        <DialogContent>
          <Alert severity="error">{t('errors.loadFailed')}</Alert>
        </DialogContent>
      ) : start.data && modules.data ? (
        <ConversionForm lead={lead} modules={modules.data} start={start.data} onCancel={onClose} />
      ) : (
        <PageLoader />
      )}
    </Dialog>
  );
}
