import UploadFileIcon from '@mui/icons-material/UploadFile';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../api/fieldErrors';
import type { ModuleMeta } from '../core/metadata/types';
import type { WizardDraft } from './ImportPage';
import { importsApi } from './importsApi';
import { ProblemAlert } from './ProblemAlert';

/** vCards are people: only contacts take them (the server answers any other module with a field error). */
const acceptedTypes = (module: string) => (module === 'contacts' ? '.csv,.txt,.xlsx,.vcf' : '.csv,.txt,.xlsx');

/** Step 1: a file picked or dropped (a workbook's first sheet is read; the next step offers the others). */
export function UploadStep({ module, onUploaded }: { module: ModuleMeta; onUploaded(draft: WizardDraft): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const preview = useMutation({
    mutationFn: () => {
      const request = { file: file!, module: module.name };
      return importsApi.preview(request).then((p) => ({ request, preview: p }));
    },
    onSuccess: onUploaded,
  });
  const errors = fieldErrorsOf(preview.error);
  const choose = (next: File | undefined) => {
    if (!next) return;
    setFile(next);
    preview.reset();
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Box
        component="label"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          choose(e.dataTransfer.files[0]);
        }}
        sx={{
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          gap: 1,
          p: 4,
          border: 2,
          borderStyle: 'dashed',
          borderRadius: 2,
          borderColor: errors.file ? 'error.main' : dragging ? 'primary.main' : 'divider',
          cursor: 'pointer',
        }}
      >
        <UploadFileIcon color="primary" fontSize="large" />
        <Typography>{file ? file.name : t('imports.upload.drop')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t(module.name === 'contacts' ? 'imports.upload.formatsWithVcard' : 'imports.upload.formats')}
        </Typography>
        <input
          type="file"
          hidden
          aria-label={t('imports.upload.file')}
          accept={acceptedTypes(module.name)}
          onChange={(e) => choose(e.target.files?.[0])}
        />
      </Box>
      <ProblemAlert error={preview.error} />
      <Box>
        <Button variant="contained" disabled={!file} loading={preview.isPending} onClick={() => preview.mutate()}>
          {t('imports.next')}
        </Button>
      </Box>
    </Stack>
  );
}
