import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toBody } from '../../core/form/formValues';
import { ReferencePicker } from '../../core/form/inputs/ReferenceInput';
import { validate } from '../../core/form/validation';
import type { ApiRecord } from '../../core/metadata/types';
import { useLabel, useLocale } from '../../locale/LocaleProvider';
import {
  CONVERSION_PARTS,
  type ConversionPart,
  type ConversionRequest,
  type ConversionStart,
  organizationCandidates,
} from './conversionApi';
import { partErrors, unplacedError } from './conversionForm';
import { type PartStates, defaultDestination, initialParts } from './conversionState';
import { ConversionPartSection } from './ConversionPartSection';
import { CREATE_NEW, OrganizationChoice } from './OrganizationChoice';
import type { ModuleMeta } from '../../core/metadata/types';
import { useConvertLead } from './useConvertLead';

interface Props {
  lead: ApiRecord;
  modules: ModuleMeta[];
  start: ConversionStart;
  onCancel(): void;
}

/** Seed 004's conversion: which records to create and with what, who gets them, and where to go next. */
export function ConversionForm({ lead, modules, start, onCancel }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const [parts, setParts] = useState<PartStates>(() => initialParts(modules, start, format));
  const [ownerId, setOwnerId] = useState<string | null>(lead.ownerId ?? null);
  const [destination, setDestination] = useState<ConversionPart>(() => defaultDestination(parts));
  const [organizationChoice, setOrganizationChoice] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<Partial<Record<ConversionPart, Record<string, string>>>>({});
  const convert = useConvertLead(lead.id);
  const candidates = organizationCandidates(convert.error);
  const chosenParts = CONVERSION_PARTS.filter((part) => parts[part].on);

  const change = (part: ConversionPart, next: Partial<PartStates[ConversionPart]>) => {
    setParts((current) => ({ ...current, [part]: { ...current[part], ...next } }));
    setClientErrors(({ [part]: _, ...rest }) => rest);
    if (next.on === false && destination === part) setDestination(chosenParts.find((p) => p !== part) ?? part);
  };

  const organizationPart = (): ConversionRequest['organization'] => {
    if (!parts.organization.on) return false;
    if (organizationChoice && organizationChoice !== CREATE_NEW) return { existingId: organizationChoice };
    const values = toBody(parts.organization.fields, parts.organization.values, 'create');
    return organizationChoice === CREATE_NEW ? { ...values, createNew: true } : values;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = Object.fromEntries(
      chosenParts
        .filter((part) => !(part === 'organization' && organizationChoice && organizationChoice !== CREATE_NEW))
        .map((part) => [part, validate(parts[part].fields, parts[part].values, format.language)])
        .filter(([, errors]) => Object.keys(errors as object).length > 0),
    );
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const body: ConversionRequest = {
      organization: organizationPart(),
      contact: parts.contact.on && toBody(parts.contact.fields, parts.contact.values, 'create'),
      opportunity: parts.opportunity.on && toBody(parts.opportunity.fields, parts.opportunity.values, 'create'),
      ...(ownerId ? { assignTo: { userId: ownerId } } : {}),
    };
    convert.mutate({ body, destination });
  };

  const shownPaths = chosenParts.flatMap((part) => parts[part].fields.map((f) => `${part}.${f.filterPath}`));
  const formError =
    candidates.length > 0 ? null : unplacedError(convert.error, [...shownPaths, 'assignTo'], t('errors.unexpected'));
  const pending = convert.isPending;
  return (
    <form onSubmit={submit} noValidate aria-label={t('sales.convert.title')}>
      <DialogContent dividers>
        <Stack spacing={2}>
          {formError && <Alert severity="error">{formError}</Alert>}
          {CONVERSION_PARTS.map((part) => {
            const state = parts[part];
            const choosing = part === 'organization' && candidates.length > 0;
            return (
              <ConversionPartSection
                key={part}
                title={label(state.module.label.singular)}
                fields={state.fields}
                on={state.on}
                onToggle={(on) => change(part, { on })}
                values={state.values}
                onChange={(values) => change(part, { values })}
                errors={{ ...partErrors(convert.error, part), ...clientErrors[part] }}
                disabled={pending}
                hideFields={choosing && organizationChoice !== CREATE_NEW}
              >
                {choosing && (
                  <OrganizationChoice
                    candidates={candidates}
                    value={organizationChoice}
                    onChange={setOrganizationChoice}
                    disabled={pending}
                  />
                )}
              </ConversionPartSection>
            );
          })}
          <ReferencePicker
            target="users"
            label={t('sales.convert.assignTo')}
            value={ownerId}
            onChange={setOwnerId}
            disabled={pending}
            name="assignTo"
          />
          <FormControl disabled={pending || chosenParts.length === 0}>
            <FormLabel id="convert-destination">{t('sales.convert.openAfter')}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="convert-destination"
              value={destination}
              onChange={(e) => setDestination(e.target.value as ConversionPart)}
            >
              {chosenParts.map((part) => (
                <FormControlLabel
                  key={part}
                  value={part}
                  control={<Radio />}
                  label={label(parts[part].module.label.singular)}
                />
              ))}
            </RadioGroup>
          </FormControl>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button
          type="submit"
          variant="contained"
          loading={pending}
          disabled={chosenParts.length === 0 || (candidates.length > 0 && parts.organization.on && !organizationChoice)}
        >
          {t('sales.convert.submit')}
        </Button>
      </DialogActions>
    </form>
  );
}
