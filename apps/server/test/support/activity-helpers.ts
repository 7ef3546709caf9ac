import type { ApiClient } from './api-client.js';
import { ok } from './records-helpers.js';

/** Seed 004's lead, the one every activities test follows up. */
export async function createSeedLead(api: ApiClient): Promise<{ id: string }> {
  return ok(
    await api.post('/api/v1/leads', {
      firstName: 'احمد',
      lastName: 'صادقی',
      company: 'پرتو گستر امید',
      phone: '03191007879',
      mobile: '09138086200',
    }),
    201,
  );
}

/** An ISO instant in Tehran time (UTC+03:30, no daylight saving since 2022), e.g. tehran('2025-06-02', '11:00'). */
export const tehran = (date: string, time: string): string => new Date(`${date}T${time}:00+03:30`).toISOString();
