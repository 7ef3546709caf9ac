import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from './backup-format.js';

export interface BackupReader {
  header: BackupHeader;
  /** The next `count` row lines of the file, in batches of at most `batchRows` rows or about `batchBytes`. */
  rows(count: number, batchRows: number, batchBytes: number): AsyncGenerator<string[]>;
  close(): void;
}

function isHeader(value: unknown): value is BackupHeader {
  const header = value as Partial<BackupHeader> | null;
  return (
    typeof header === 'object' &&
    header !== null &&
    header.format === BACKUP_FORMAT &&
    Array.isArray(header.tables) &&
    Array.isArray(header.migrations) &&
    Array.isArray(header.sequences)
  );
}

/** Opens a backup file and reads its header; the rows are read on demand, in file order. */
export async function openBackup(file: string): Promise<BackupReader> {
  const input = fs.createReadStream(file);
  const reader = readline.createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  const lines = reader[Symbol.asyncIterator]();
  const close = () => input.destroy();
  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(`${file} ends early: the backup is incomplete`);
    return line.value;
  };
  let header: unknown;
  try {
    header = JSON.parse(await next());
  } catch (error) {
    close();
    throw new Error(`${file} is not a Peyvand backup (${error instanceof Error ? error.message : error})`);
  }
  if (!isHeader(header)) {
    close();
    throw new Error(`${file} is not a Peyvand backup`);
  }
  if (header.version !== BACKUP_VERSION) {
    close();
    throw new Error(
      `${file} is a backup of format version ${header.version}; this Peyvand reads version ${BACKUP_VERSION}`,
    );
  }
  return {
    header,
    close,
    async *rows(count, batchRows, batchBytes) {
      let batch: string[] = [];
      let bytes = 0;
      for (let i = 0; i < count; i++) {
        const line = await next();
        batch.push(line);
        bytes += line.length;
        if (batch.length >= batchRows || bytes >= batchBytes) {
          yield batch;
          batch = [];
          bytes = 0;
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}
