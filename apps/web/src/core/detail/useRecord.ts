import { useQuery } from '@tanstack/react-query';
import { recordKeys, recordsApi } from '../records/recordsApi';

export function useRecord(module: string, id: string) {
  return useQuery({ queryKey: recordKeys.one(module, id), queryFn: () => recordsApi.get(module, id) });
}
