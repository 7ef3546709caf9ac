import { api, queryString } from '../api/http';
import type { ApiRecord } from '../core/metadata/types';

export type DuplicateReason = 'nationalCode' | 'email' | 'mobile' | 'name';

export interface LikelyDuplicate {
  record: ApiRecord;
  reasons: DuplicateReason[];
}

export interface DuplicateGroup {
  key: DuplicateReason;
  value: string;
  records: ApiRecord[];
}

export interface MergeBody {
  survivorId: string;
  mergedIds: string[];
  /** Field path → the id of the record whose value the survivor keeps. */
  values: Record<string, string>;
  versions: Record<string, number>;
}

/** The duplicate and merge routes every module shares (modules/merges on the server). */
export const duplicatesApi = {
  check: (module: string, values: Record<string, unknown>) =>
    api.post<{ data: LikelyDuplicate[] }>(`/${module}/duplicates/check`, { values }),
  groups: (module: string, cursor?: string | null) =>
    api.get<{ data: DuplicateGroup[]; nextCursor: string | null }>(
      `/${module}/duplicates${queryString({ limit: 20, cursor })}`,
    ),
  merge: (module: string, body: MergeBody) =>
    api.post<{ mergeId: string; survivor: ApiRecord }>(`/${module}/merge`, body),
};
