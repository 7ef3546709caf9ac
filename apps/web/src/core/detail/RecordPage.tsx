import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { useLabel, useLocale } from '../../locale/LocaleProvider';
import { overridesOf } from '../../modules';
import { PageLoader } from '../../shell/PageLoader';
import { ModuleNotFound } from '../ModuleNotFound';
import { useModule } from '../metadata/useModules';
import type { ModuleMeta } from '../metadata/types';
import { useRememberView } from '../../activities/dashboard/useRememberView';
import { TimelinePanel } from '../../activities/timeline/TimelinePanel';
import { HistoryPanel } from './HistoryPanel';
import { RecordDetails } from './RecordDetails';
import { RecordHeader } from './RecordHeader';
import { RelatedList } from './RelatedList';
import { useRecord } from './useRecord';

/** `/:module/:id`: any record, its fields in blocks with inline edit, related lists and history. */
export function RecordPage() {
  const { module: name, id } = useParams();
  const { module, isPending } = useModule(name);
  if (!module || !id) return <ModuleNotFound loading={isPending} />;
  return <RecordScreen key={id} module={module} id={id} />;
}

function RecordScreen({ module, id }: { module: ModuleMeta; id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { direction } = useLocale();
  const record = useRecord(module.name, id);
  const [tab, setTab] = useState('details');
  useRememberView(module.name, id, record.isSuccess);
  if (record.isPending) return <PageLoader />;
  if (record.isError) {
    const missing = record.error instanceof ApiError && record.error.status === 404;
    return (
      <Alert severity={missing ? 'info' : 'error'} sx={{ m: 3 }}>
        {missing ? t('record.notFound') : t('errors.loadFailed')}
      </Alert>
    );
  }
  const data = record.data;
  const { recordNotice: Notice } = overridesOf(module.name);
  return (
    <Box sx={{ pb: 4 }}>
      <RecordHeader module={module} record={data} onReload={() => void record.refetch()} />
      {Notice && <Notice module={module} record={data} onReload={() => void record.refetch()} />}
      <Box sx={{ px: { xs: 1, sm: 3 }, borderBottom: 1, borderColor: 'divider' }}>
        {/* Keyed by direction: the indicator is measured once and would stay where the other direction put it. */}
        <Tabs
          key={direction}
          value={tab}
          onChange={(_, next: string) => setTab(next)}
          variant="scrollable"
          allowScrollButtonsMobile
        >
          <Tab value="details" label={t('record.details')} id="tab-details" aria-controls="panel-details" />
          <Tab
            value="timeline"
            label={t('activities.timeline.title')}
            id="tab-timeline"
            aria-controls="panel-timeline"
          />
          {module.relations.map((relation) => (
            <Tab
              key={relation.name}
              value={relation.name}
              label={label(relation.label)}
              id={`tab-${relation.name}`}
              aria-controls={`panel-${relation.name}`}
            />
          ))}
          <Tab value="history" label={t('record.history')} id="tab-history" aria-controls="panel-history" />
        </Tabs>
      </Box>
      <Box
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        sx={{ px: { xs: 2, sm: 3 }, pt: 2, maxWidth: 1200 }}
      >
        {tab === 'details' && <RecordDetails module={module} record={data} onReload={() => void record.refetch()} />}
        {tab === 'timeline' && <TimelinePanel module={module} record={data} />}
        {tab === 'history' && <HistoryPanel module={module} id={data.id} />}
        {module.relations
          .filter((relation) => relation.name === tab)
          .map((relation) => (
            <RelatedList key={relation.name} module={module} record={data} relation={relation} />
          ))}
      </Box>
    </Box>
  );
}
