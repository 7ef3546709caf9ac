import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationCandidate } from './conversionApi';

/** The value of the "create a new one" choice; the others are the candidates' ids. */
export const CREATE_NEW = 'new';

interface Props {
  candidates: OrganizationCandidate[];
  value: string | null;
  onChange(value: string): void;
  disabled: boolean;
}

/** The server found the lead's company already: use one of those organizations, or knowingly make another. */
export function OrganizationChoice({ candidates, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const alert = useRef<HTMLDivElement>(null);
  // The choice appears at the top of a long dialog, after the user pressed the button at its foot.
  useEffect(() => alert.current?.scrollIntoView({ block: 'nearest' }), []);
  return (
    <>
      <Alert ref={alert} severity="warning" sx={{ mb: 1 }}>
        {t('sales.convert.duplicateOrganization')}
      </Alert>
      <RadioGroup
        aria-label={t('sales.convert.organizationChoice')}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
        sx={{ mb: 1 }}
      >
        {candidates.map((c) => (
          <FormControlLabel
            key={c.id}
            value={c.id}
            disabled={disabled}
            control={<Radio />}
            label={t('sales.convert.useExisting', { name: c.name, number: c.number })}
          />
        ))}
        <FormControlLabel
          value={CREATE_NEW}
          disabled={disabled}
          control={<Radio />}
          label={t('sales.convert.createNew')}
        />
      </RadioGroup>
    </>
  );
}
