import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FieldValue } from '../core/display/FieldValue';
import type { ModuleMeta } from '../core/metadata/types';
import { useLabel, useLocale } from '../locale/LocaleProvider';
import type { WizardDraft } from './ImportPage';
import { importsApi } from './importsApi';
import { ProblemAlert } from './ProblemAlert';
import { StepButtons } from './StepButtons';
import { storedFields, storedValue } from './storedFields';

/** Step 3: the first rows as they will be stored, each row's problems beside it; then the import starts. */
export function PreviewStep({
  module,
  draft,
  onBack,
  onStarted,
}: {
  module: ModuleMeta;
  draft: WizardDraft;
  onBack(): void;
  onStarted(importId: string): void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const fields = storedFields(module, Object.values(draft.request.mapping ?? {}));
  const start = useMutation({
    mutationFn: () => importsApi.start(draft.request),
    onSuccess: (status) => onStarted(status.id),
  });
  const withProblems = draft.preview.rows.filter((r) => r.errors.length > 0).length;

  return (
    <Stack spacing={2}>
      <Alert severity={withProblems ? 'warning' : 'info'}>
        {t('imports.preview.summary', {
          rows: format.number(draft.preview.rows.length),
          problems: format.number(withProblems),
        })}
      </Alert>
      <TableContainer sx={{ maxHeight: '55dvh' }}>
        <Table size="small" stickyHeader aria-label={t('imports.preview.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('imports.preview.row')}</TableCell>
              {fields.map((f) => (
                <TableCell key={f.filterPath}>{label(f.label)}</TableCell>
              ))}
              <TableCell>{t('imports.preview.problems')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {draft.preview.rows.map((row) => (
              <TableRow key={row.rowNumber} data-row-number={row.rowNumber} selected={row.errors.length > 0}>
                <TableCell>{format.number(row.rowNumber)}</TableCell>
                {fields.map((f) => (
                  <TableCell key={f.filterPath}>
                    {row.values && <FieldValue field={f} value={storedValue(row.values, f)} compact />}
                  </TableCell>
                ))}
                <TableCell>
                  {/* Two split values of one column may have the same problem: keyed by place. */}
                  {row.errors.map((e, i) => (
                    <Typography key={i} variant="body2" color="error">
                      {format.digits(e.text)}
                    </Typography>
                  ))}
                  {row.notes.map((n, i) => (
                    <Typography key={i} variant="body2" color="text.secondary">
                      {format.digits(n.text)}
                    </Typography>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <ProblemAlert error={start.error} />
      <StepButtons
        onBack={onBack}
        action={t('imports.preview.start')}
        pending={start.isPending}
        onAction={() => start.mutate()}
      />
    </Stack>
  );
}
