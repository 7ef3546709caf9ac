import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import type { FilterNode } from '@peyvand/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleMeta } from '../metadata/types';
import { filterableFields } from './filterableFields';
import { fromFilterTree, toFilterTree } from './filterDraft';
import { GroupEditor } from './GroupEditor';

interface Props {
  module: ModuleMeta;
  filter: FilterNode | undefined;
  onApply(filter: FilterNode | undefined): void;
  onClose(): void;
}

/** The filter builder: conditions on any field, custom ones included, producing the API's filter tree. */
export function FilterDialog({ module, filter, onApply, onClose }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const fields = useMemo(() => filterableFields(module), [module]);
  const [draft, setDraft] = useState(() => fromFilterTree(filter));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" fullScreen={phone} aria-labelledby="filter-title">
      <DialogTitle id="filter-title">{t('filter.title')}</DialogTitle>
      <DialogContent dividers>
        <GroupEditor group={draft} fields={fields} onChange={setDraft} />
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            onApply(undefined);
            onClose();
          }}
        >
          {t('filter.clear')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          onClick={() => {
            onApply(toFilterTree(draft));
            onClose();
          }}
        >
          {t('filter.apply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
