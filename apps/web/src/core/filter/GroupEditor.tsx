import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import { ConditionEditor } from './ConditionEditor';
import { type FilterDraft, type GroupDraft, emptyCondition, emptyGroup } from './filterDraft';
import type { FilterableField } from './filterableFields';

// Deeper trees are allowed by the API, but past two levels people lose track of what they asked.
const MAX_NESTING = 2;

interface Props {
  group: GroupDraft;
  fields: FilterableField[];
  onChange(group: GroupDraft): void;
  onRemove?(): void;
  depth?: number;
}

/** A group of conditions joined by "all of" (and) or "any of" (or); groups can nest. */
export function GroupEditor({ group, fields, onChange, onRemove, depth = 0 }: Props) {
  const { t } = useTranslation();
  const replace = (index: number, child: FilterDraft | null) =>
    onChange({
      ...group,
      children: child
        ? group.children.map((c, i) => (i === index ? child : c))
        : group.children.filter((_, i) => i !== index),
    });
  return (
    <Box
      role="group"
      aria-label={t('filter.group')}
      sx={depth > 0 ? { borderInlineStart: 3, borderColor: 'primary.light', ps: 2, py: 1 } : undefined}
    >
      <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 1.5 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={group.join}
          onChange={(_, join: 'and' | 'or' | null) => join && onChange({ ...group, join })}
          aria-label={t('filter.join')}
        >
          <ToggleButton value="and">{t('filter.all')}</ToggleButton>
          <ToggleButton value="or">{t('filter.any')}</ToggleButton>
        </ToggleButtonGroup>
        <Box sx={{ flex: 1 }} />
        {onRemove && (
          <IconButton aria-label={t('filter.removeGroup')} onClick={onRemove} size="small">
            <DeleteOutlineIcon fontSize="small" />
          </IconButton>
        )}
      </Stack>
      <Stack spacing={2}>
        {group.children.map((child, index) =>
          child.kind === 'condition' ? (
            <ConditionEditor
              key={child.id}
              condition={child}
              fields={fields}
              onChange={(next) => replace(index, next)}
              onRemove={() => replace(index, null)}
            />
          ) : (
            <GroupEditor
              key={child.id}
              group={child}
              fields={fields}
              depth={depth + 1}
              onChange={(next) => replace(index, next)}
              onRemove={() => replace(index, null)}
            />
          ),
        )}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() => onChange({ ...group, children: [...group.children, emptyCondition()] })}
        >
          {t('filter.addCondition')}
        </Button>
        {depth < MAX_NESTING && (
          <Button
            size="small"
            startIcon={<AddIcon />}
            onClick={() =>
              onChange({ ...group, children: [...group.children, emptyGroup(group.join === 'and' ? 'or' : 'and')] })
            }
          >
            {t('filter.addGroup')}
          </Button>
        )}
      </Stack>
    </Box>
  );
}
