import type { ConversionTarget } from '@peyvand/shared';
import { api } from '../../../api/http';

/** Lead field → field of a record the conversion creates, both named as filters name them (`custom.x`). */
export interface ConversionMapping {
  leadField: string;
  targetModule: ConversionTarget;
  targetField: string;
}

/** The round-robin rule (lead-assignment.routes.ts). */
export interface AssignmentRule {
  enabled: boolean;
  groupId: string | null;
  /** The group's active members in turn order. */
  members: string[];
  nextUserId: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export const leadSettingsKeys = {
  mapping: ['leads', 'conversion-mapping'] as const,
  assignment: ['leads', 'assignment-rule'] as const,
};

export const leadSettingsApi = {
  mapping: () => api.get<{ mappings: ConversionMapping[] }>('/leads/conversion-mapping'),
  saveMapping: (mappings: ConversionMapping[]) =>
    api.put<{ mappings: ConversionMapping[] }>('/leads/conversion-mapping', { mappings }),
  assignment: () => api.get<AssignmentRule>('/leads/assignment-rule'),
  saveAssignment: (change: { enabled: boolean; groupId: string | null }) =>
    api.put<AssignmentRule>('/leads/assignment-rule', change),
};
