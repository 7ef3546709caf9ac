import type { ApiRecord, ModuleMeta } from '../metadata/types';

/** What the record page hands each part that shows the record. */
export interface RecordPartProps {
  module: ModuleMeta;
  record: ApiRecord;
  /** Fetches the record again, after an edit was refused because someone else changed it meanwhile. */
  onReload(): void;
}
