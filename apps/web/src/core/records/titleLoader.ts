import { MAX_PAGE } from './limits';
import { recordsApi } from './recordsApi';

type Resolve = (record: Record<string, unknown> | null) => void;

/**
 * Collects the references a screen shows (an owner per row, an organization per contact…)
 * for one tick and fetches each module's batch with a single `id in [...]` query.
 */
const pending = new Map<string, Map<string, Resolve[]>>();
let scheduled = false;

async function flush(): Promise<void> {
  scheduled = false;
  const batches = [...pending.entries()];
  pending.clear();
  await Promise.all(
    batches.map(async ([module, waiting]) => {
      const ids = [...waiting.keys()];
      const found = new Map<string, Record<string, unknown>>();
      try {
        for (let start = 0; start < ids.length; start += MAX_PAGE) {
          const chunk = ids.slice(start, start + MAX_PAGE);
          const page = await recordsApi.query(module, {
            filter: { field: 'id', op: 'in', value: chunk },
            limit: MAX_PAGE,
          });
          for (const record of page.data) found.set(record.id, record);
        }
      } finally {
        for (const [id, resolvers] of waiting) for (const resolve of resolvers) resolve(found.get(id) ?? null);
      }
    }),
  );
}

export function loadReferencedRecord(module: string, id: string): Promise<Record<string, unknown> | null> {
  return new Promise((resolve) => {
    const forModule = pending.get(module) ?? new Map<string, Resolve[]>();
    pending.set(module, forModule);
    forModule.set(id, [...(forModule.get(id) ?? []), resolve]);
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => void flush(), 0);
    }
  });
}
