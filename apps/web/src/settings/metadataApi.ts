import type { BlockDef, CustomFieldType, PicklistOption } from '@peyvand/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http';
import { METADATA_KEY } from '../core/metadata/useModules';
import type { FieldMeta, ModuleMeta } from '../core/metadata/types';

/** An option as sent: a new one has no value yet. */
export type NewOption = Omit<PicklistOption, 'value'> & { value?: string };

export interface FieldChanges {
  label?: { fa: string; en: string };
  options?: NewOption[];
  hidden?: boolean;
  position?: number;
  block?: string;
  quickCreate?: boolean;
  required?: boolean;
}

interface NewField extends FieldChanges {
  name: string;
  type: CustomFieldType;
  label: { fa: string; en: string };
  target?: string;
}

/** The metadata routes of the field manager; every change refreshes the metadata every screen renders from. */
export function useMetadataMutations(module: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: METADATA_KEY });
  const base = `/metadata/modules/${module}`;
  return {
    createField: useMutation({
      mutationFn: (field: NewField) => api.post<FieldMeta>(`${base}/fields`, field),
      onSuccess: refresh,
    }),
    changeField: useMutation({
      mutationFn: ({ name, changes }: { name: string; changes: FieldChanges }) =>
        api.patch<FieldMeta>(`${base}/fields/${name}`, changes),
      // A switch flips at once; the server's answer (or its refusal) then replaces the guess.
      onMutate: ({ name, changes }) =>
        queryClient.setQueryData<ModuleMeta[]>(METADATA_KEY, (all) =>
          all?.map((m) =>
            m.name === module
              ? { ...m, fields: m.fields.map((f) => (f.name === name ? ({ ...f, ...changes } as FieldMeta) : f)) }
              : m,
          ),
        ),
      onSettled: refresh,
    }),
    /** Several fields at once (a move changes two positions); one refresh at the end. */
    changeFields: useMutation({
      mutationFn: (changes: { name: string; changes: FieldChanges }[]) =>
        Promise.all(changes.map((c) => api.patch<FieldMeta>(`${base}/fields/${c.name}`, c.changes))),
      onSettled: refresh,
    }),
    deleteField: useMutation({
      mutationFn: (name: string) => api.delete(`${base}/fields/${name}`),
      onSuccess: refresh,
    }),
    saveBlocks: useMutation({ mutationFn: (blocks: BlockDef[]) => api.patch(base, { blocks }), onSuccess: refresh }),
  };
}
