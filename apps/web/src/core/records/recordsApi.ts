import type { FilterNode } from '@peyvand/shared';
import { api } from '../../api/http';
import type { ApiRecord, Page } from '../metadata/types';

export interface RecordQuery {
  filter?: FilterNode;
  sort?: string;
  q?: string;
  limit?: number;
  cursor?: string | null;
  fields?: string[];
}

/** The record routes every module shares (records.routes.ts). */
export const recordsApi = {
  query: (module: string, body: RecordQuery) => api.post<Page<ApiRecord>>(`/${module}/query`, body),
  get: (module: string, id: string) => api.get<ApiRecord>(`/${module}/${id}`),
  create: (module: string, body: Record<string, unknown>) => api.post<ApiRecord>(`/${module}`, body),
  update: (module: string, id: string, body: Record<string, unknown>) => api.patch<ApiRecord>(`/${module}/${id}`, body),
  remove: (module: string, id: string) => api.delete<ApiRecord>(`/${module}/${id}`),
  restore: (module: string, id: string) => api.post<ApiRecord>(`/${module}/${id}/restore`),
  bulkDelete: (module: string, ids: string[]) => api.post<{ deleted: number }>(`/${module}/bulk-delete`, { ids }),
  bulkAssign: (module: string, ids: string[], owner: { ownerId: string } | { ownerGroupId: string }) =>
    api.post<{ updated: number }>(`/${module}/bulk-assign`, { ids, ...owner }),
};

/** Query keys: everything about a module starts with ['records', module], so one invalidation refreshes it. */
export const recordKeys = {
  module: (module: string) => ['records', module] as const,
  list: (module: string, query: RecordQuery) => ['records', module, 'list', query] as const,
  one: (module: string, id: string) => ['records', module, 'one', id] as const,
};
