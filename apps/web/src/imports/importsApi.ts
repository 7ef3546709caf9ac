import { useQuery } from '@tanstack/react-query';
import { api } from '../api/http';

export type OnDuplicate = 'skip' | 'update' | 'merge';
export type MatchOn = 'email' | 'mobile' | 'nationalCode' | 'name';
export const MATCH_KEYS: MatchOn[] = ['email', 'mobile', 'nationalCode', 'name'];
export const DUPLICATE_ACTIONS: OnDuplicate[] = ['skip', 'update', 'merge'];

/** Column header → field path; `null` leaves the column out. */
export type ImportMapping = Record<string, string | null>;

/** What the wizard sends with the file (imports.routes.ts FORM_DESCRIPTION). */
export interface ImportRequest {
  file: File;
  module: string;
  sheet?: string;
  mapping?: ImportMapping;
  onDuplicate?: OnDuplicate;
  matchOn?: MatchOn | null;
}

export interface RowProblem {
  column: string | null;
  field: string | null;
  code: string;
  text: string;
}

export interface ImportPreview {
  format: 'csv' | 'xlsx' | 'vcf';
  sheet: string | null;
  /** xlsx: every sheet, in tab order. */
  sheets: string[] | null;
  columns: string[];
  mapping: Record<string, string>;
  fields: { path: string; label: string; type: string }[];
  rows: {
    rowNumber: number;
    values: Record<string, unknown> | null;
    errors: RowProblem[];
    /** What the row does besides: an organization it names, created first. */
    notes: RowProblem[];
  }[];
}

export type ImportStatusName = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'undoing' | 'undone';

export interface ImportStatus {
  id: string;
  module: string;
  status: ImportStatusName;
  fileName: string;
  createdAt: string;
  totalRows: number | null;
  rowsDone: number;
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
  undone: number;
  /** Records created because rows named them and they did not exist, by module. */
  createdRelated: Record<string, number>;
  progress: number;
  rowsPerSecond: number;
  /** Why it failed, in the language asked for; `errorCode` keys it. */
  error: string | null;
  errorCode: string | null;
  links: { errors: string };
}

function formOf(request: ImportRequest): FormData {
  const form = new FormData();
  // The text fields come first: the server reads them as the upload streams past.
  form.set('module', request.module);
  if (request.sheet) form.set('sheet', request.sheet);
  if (request.mapping) form.set('mapping', JSON.stringify(request.mapping));
  // What to do with a duplicate means nothing without the key it is found by (the wizard greys
  // the choice out then), and the server refuses updating or merging without one.
  if (request.matchOn) {
    form.set('matchOn', request.matchOn);
    if (request.onDuplicate) form.set('onDuplicate', request.onDuplicate);
  }
  form.set('file', request.file);
  return form;
}

export const importsApi = {
  preview: (request: ImportRequest) => api.postForm<ImportPreview>('/imports/preview', formOf(request)),
  start: (request: ImportRequest) => api.postForm<ImportStatus>('/imports', formOf(request)),
  undo: (id: string) => api.post<ImportStatus>(`/imports/${id}/undo`),
  cancel: (id: string) => api.post<ImportStatus>(`/imports/${id}/cancel`),
};

const settled = (status: ImportStatusName | undefined) =>
  status === 'completed' || status === 'failed' || status === 'cancelled' || status === 'undone';

/** An import's status, polled every half second until it settles. */
export function useImportStatus(id: string) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get<ImportStatus>(`/imports/${id}`),
    refetchInterval: (query) => (settled(query.state.data?.status) ? false : 500),
  });
}

/** The module's newest imports: the user's own, or everyone's for an admin. */
export function useRecentImports(module: string) {
  return useQuery({
    queryKey: ['imports', 'recent', module],
    // Imports move on in the background: the list is asked again each time it is shown.
    staleTime: 0,
    queryFn: () =>
      api.get<{ data: ImportStatus[] }>(`/imports?module=${encodeURIComponent(module)}&limit=10`).then((r) => r.data),
  });
}

/** The error report is a plain download: a GET over the session cookie. */
export const errorReportUrl = (id: string) => `/api/v1/imports/${id}/errors`;
