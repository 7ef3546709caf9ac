import { type Language, validationMessage } from '@peyvand/shared';
import type { ImportState } from './imports.repository.js';

/** An import as the API shows it, in `language`: where it stands, its counts, and how fast it goes. */
export function importStatus(state: ImportState, now: Date, language: Language) {
  const rowsDone = state.imported + state.updated + state.skipped + state.failed;
  const end = state.finished_at ?? now;
  const seconds = state.started_at ? Math.max((end.getTime() - state.started_at.getTime()) / 1000, 0.001) : 0;
  const base = `/api/v1/imports/${state.id}`;
  return {
    id: state.id,
    module: state.module,
    status: state.status,
    fileName: state.file_name,
    format: state.file_format,
    mapping: state.options.mapping,
    onDuplicate: state.options.onDuplicate,
    matchOn: state.options.matchOn,
    totalRows: state.total_rows,
    rowsDone,
    imported: state.imported,
    updated: state.updated,
    skipped: state.skipped,
    failed: state.failed,
    undone: state.undone,
    /** Records created because rows named them and they did not exist, by module. */
    createdRelated: state.created_related,
    progress: state.total_rows ? Math.min(rowsDone / state.total_rows, 1) : state.status === 'completed' ? 1 : 0,
    rowsPerSecond: seconds > 0 ? Math.round(rowsDone / seconds) : 0,
    /** Why it failed, for the reader; `errorCode` for a program. */
    error: state.error_code ? validationMessage(state.error_code, language, state.error_params ?? {}) : null,
    errorCode: state.error_code,
    createdBy: state.created_by,
    createdAt: state.created_at.toISOString(),
    startedAt: state.started_at?.toISOString() ?? null,
    finishedAt: state.finished_at?.toISOString() ?? null,
    links: { self: base, errors: `${base}/errors`, undo: `${base}/undo`, cancel: `${base}/cancel` },
  };
}
