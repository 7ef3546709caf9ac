import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../api/fieldErrors';
import type { WizardDraft } from './ImportPage';
import { DUPLICATE_ACTIONS, type ImportRequest, MATCH_KEYS, importsApi } from './importsApi';
import { ProblemAlert } from './ProblemAlert';
import { StepButtons } from './StepButtons';

// A Select's value cannot be null: this stands for "don't import" and "no duplicate check".
const NONE = '';

/**
 * Step 2: for a workbook of several sheets the one to read; each source column → a field or
 * "don't import"; and what a duplicate is and does.
 */
export function MappingStep({
  draft,
  onBack,
  onSheetChosen,
  onPreviewed,
}: {
  draft: WizardDraft;
  onBack(): void;
  /** Another sheet read: its columns, mapped afresh. */
  onSheetChosen(draft: WizardDraft): void;
  onPreviewed(draft: WizardDraft): void;
}) {
  const { t } = useTranslation();
  const [request, setRequest] = useState<ImportRequest>(draft.request);
  const change = (patch: Partial<ImportRequest>) => setRequest((r) => ({ ...r, ...patch }));
  const preview = useMutation({
    mutationFn: () => importsApi.preview(request).then((p) => ({ request, preview: p })),
    onSuccess: onPreviewed,
  });
  const sheetPreview = useMutation({
    mutationFn: (sheet: string) => {
      const next = { ...request, sheet, mapping: undefined };
      return importsApi.preview(next).then((p) => ({ request: next, preview: p }));
    },
    onSuccess: onSheetChosen,
  });
  const errors = fieldErrorsOf(preview.error);
  const sheets = draft.preview.sheets ?? [];
  const columnErrors = draft.preview.columns.map((c) => `mapping.${c}`);

  return (
    <Stack spacing={2}>
      {sheets.length > 1 && (
        <TextField
          select
          label={t('imports.mapping.sheet')}
          value={draft.preview.sheet ?? sheets[0]}
          disabled={sheetPreview.isPending}
          onChange={(e) => sheetPreview.mutate(e.target.value)}
          sx={{ maxWidth: 360 }}
        >
          {sheets.map((sheet) => (
            <MenuItem key={sheet} value={sheet}>
              {sheet}
            </MenuItem>
          ))}
        </TextField>
      )}
      <ProblemAlert error={sheetPreview.error} />
      <Table size="small" aria-label={t('imports.mapping.title')} sx={{ maxWidth: 760 }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('imports.mapping.column')}</TableCell>
            <TableCell>{t('imports.mapping.field')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {draft.preview.columns.map((column) => (
            <TableRow key={column}>
              <TableCell>{column}</TableCell>
              <TableCell>
                <TextField
                  select
                  fullWidth
                  size="small"
                  value={request.mapping?.[column] ?? NONE}
                  error={Boolean(errors[`mapping.${column}`])}
                  helperText={errors[`mapping.${column}`]}
                  onChange={(e) => change({ mapping: { ...request.mapping, [column]: e.target.value || null } })}
                  slotProps={{
                    select: { displayEmpty: true },
                    htmlInput: { 'aria-label': t('imports.mapping.fieldFor', { column }) },
                  }}
                >
                  <MenuItem value={NONE}>{t('imports.mapping.skip')}</MenuItem>
                  {draft.preview.fields.map((f) => (
                    <MenuItem key={f.path} value={f.path}>
                      {f.label}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, maxWidth: 760 }}>
        <TextField
          select
          label={t('imports.mapping.matchOn')}
          value={request.matchOn ?? NONE}
          error={Boolean(errors.matchOn)}
          helperText={errors.matchOn}
          onChange={(e) => change({ matchOn: (e.target.value || null) as ImportRequest['matchOn'] })}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          sx={{ flex: '1 1 240px' }}
        >
          <MenuItem value={NONE}>{t('imports.mapping.noMatch')}</MenuItem>
          {MATCH_KEYS.map((key) => (
            <MenuItem key={key} value={key}>
              {t(`imports.matchOn.${key}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('imports.mapping.onDuplicate')}
          value={request.onDuplicate ?? 'skip'}
          disabled={!request.matchOn}
          onChange={(e) => change({ onDuplicate: e.target.value as ImportRequest['onDuplicate'] })}
          sx={{ flex: '1 1 240px' }}
        >
          {DUPLICATE_ACTIONS.map((action) => (
            <MenuItem key={action} value={action}>
              {t(`imports.onDuplicate.${action}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <ProblemAlert error={preview.error} shownElsewhere={[...columnErrors, 'matchOn']} />
      <StepButtons
        onBack={onBack}
        action={t('imports.next')}
        pending={preview.isPending}
        onAction={() => preview.mutate()}
      />
    </Stack>
  );
}
