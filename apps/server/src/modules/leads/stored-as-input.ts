import type { FieldType, StoredPhone } from '@peyvand/shared';

/**
 * A stored value as a client would send it, so that it can go through another module's create
 * schema like any input: phones back to what was typed, everything else as it is stored.
 */
export function storedAsInput(type: FieldType, value: unknown): unknown {
  if (type === 'phone') return (value as StoredPhone).typed;
  if (type === 'phoneList') {
    return (value as (StoredPhone & { kind: string })[]).map(({ kind, typed }) => ({ kind, number: typed }));
  }
  return value;
}
