import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { recordKeys } from '../../core/records/recordsApi';
import {
  CONVERSION_PARTS,
  type ConversionPart,
  type ConversionRequest,
  PART_MODULES,
  conversionApi,
} from './conversionApi';

/** Converts the lead, refreshes what it touched, and opens the record the user chose (or the first one made). */
export function useConvertLead(leadId: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: ({ body }: { body: ConversionRequest; destination: ConversionPart }) =>
      conversionApi.convert(leadId, body),
    onSuccess: (result, { destination }) => {
      for (const module of ['leads', ...Object.values(PART_MODULES)]) {
        void queryClient.invalidateQueries({ queryKey: recordKeys.module(module) });
      }
      const part = [destination, ...CONVERSION_PARTS].find((p) => result[`${p}Id`]);
      if (part) void navigate(`/${PART_MODULES[part]}/${result[`${part}Id`]}`);
    },
  });
}
