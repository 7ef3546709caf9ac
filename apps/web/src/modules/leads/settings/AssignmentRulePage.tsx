import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formErrorOf } from '../../../api/fieldErrors';
import { PageHeader } from '../../../core/PageHeader';
import { ReferenceTitle } from '../../../core/display/ReferenceTitle';
import { ReferencePicker } from '../../../core/form/inputs/ReferenceInput';
import { AdminOnly } from '../../../settings/AdminOnly';
import { PageLoader } from '../../../shell/PageLoader';
import { useNotify } from '../../../shell/Notifier';
import { type AssignmentRule, leadSettingsApi, leadSettingsKeys } from './leadSettingsApi';

/** `/settings/lead-assignment`: round-robin of new leads among a group's active members. */
export function AssignmentRulePage() {
  const { t } = useTranslation();
  const rule = useQuery({ queryKey: leadSettingsKeys.assignment, queryFn: leadSettingsApi.assignment });
  return (
    <AdminOnly>
      <PageHeader title={t('sales.assignment.title')} subtitle={t('sales.assignment.subtitle')} />
      <Box sx={{ px: { xs: 2, sm: 3 }, pb: 3, maxWidth: 640 }}>
        {rule.isError ? (
          <Alert severity="error">{t('errors.loadFailed')}</Alert>
        ) : rule.data ? (
          <RuleEditor key={rule.data.updatedAt ?? ''} rule={rule.data} />
        ) : (
          <PageLoader />
        )}
      </Box>
    </AdminOnly>
  );
}

function RuleEditor({ rule }: { rule: AssignmentRule }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [groupId, setGroupId] = useState(rule.groupId);
  const save = useMutation({
    mutationFn: () => leadSettingsApi.saveAssignment({ enabled, groupId }),
    onSuccess: (saved) => {
      queryClient.setQueryData(leadSettingsKeys.assignment, saved);
      notify({ severity: 'success', message: t('form.saved') });
    },
  });
  const errors = fieldErrorsOf(save.error);
  const formError = formErrorOf(save.error, t('errors.unexpected'));
  return (
    <Stack spacing={2}>
      {formError && <Alert severity="error">{formError}</Alert>}
      <FormControlLabel
        control={<Switch checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />}
        label={t('sales.assignment.enabled')}
      />
      <ReferencePicker
        target="groups"
        label={t('sales.assignment.group')}
        value={groupId}
        onChange={setGroupId}
        error={errors.groupId}
        name="groupId"
      />
      {rule.enabled && rule.groupId && (
        <Box>
          <Typography variant="subtitle2">{t('sales.assignment.turns')}</Typography>
          {rule.members.length === 0 ? (
            <Typography color="text.secondary">{t('sales.assignment.noMembers')}</Typography>
          ) : (
            <Box component="ol" sx={{ m: 0, ps: 3 }}>
              {rule.members.map((id) => (
                <li key={id}>
                  <ReferenceTitle module="users" id={id} />
                  {id === rule.nextUserId && ` — ${t('sales.assignment.next')}`}
                </li>
              ))}
            </Box>
          )}
        </Box>
      )}
      <Box>
        <Button variant="contained" loading={save.isPending} onClick={() => save.mutate()}>
          {t('common.save')}
        </Button>
      </Box>
    </Stack>
  );
}
