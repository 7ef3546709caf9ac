import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import type { FilterNode } from '@peyvand/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/http';
import { useLocale } from '../locale/LocaleProvider';
import { saveFile } from './saveFile';

type ExportFormat = 'csv' | 'xlsx' | 'vcf';

/** The list view as the user sees it: what export.routes.ts takes in its body. */
export interface ExportView {
  filter?: FilterNode;
  sort?: string;
  q?: string;
  columns: string[];
}

/** vCards are people: only contacts have them (export.routes.ts VCARD_MODULE). */
const formatsOf = (module: string): ExportFormat[] =>
  module === 'contacts' ? ['csv', 'xlsx', 'vcf'] : ['csv', 'xlsx'];

/** The list header's export menu: the current filter, search, columns and sort, as a file. */
export function ExportMenu({ module, view }: { module: string; view: ExportView }) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const exporting = useMutation({
    // The body, not the URL: a filter tree can be longer than a URL allows.
    mutationFn: (fileFormat: ExportFormat) =>
      api.download(`/${module}/export`, { format: fileFormat, calendar: format.calendar, ...view }),
    onSuccess: saveFile,
  });
  const choose = (fileFormat: ExportFormat) => {
    setAnchor(null);
    exporting.mutate(fileFormat);
  };

  return (
    <>
      <Button
        startIcon={<DownloadIcon />}
        loading={exporting.isPending}
        aria-haspopup="menu"
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        {t('exports.button')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {formatsOf(module).map((f) => (
          <MenuItem key={f} onClick={() => choose(f)}>
            {t(`exports.formats.${f}`)}
          </MenuItem>
        ))}
      </Menu>
      <Snackbar open={exporting.isError} autoHideDuration={6000} onClose={() => exporting.reset()}>
        <Alert severity="error" onClose={() => exporting.reset()}>
          {exporting.error?.message ?? t('errors.unexpected')}
        </Alert>
      </Snackbar>
    </>
  );
}
