import { api } from '../../api/http';
import { ApiError, type ProblemDocument } from '../../api/problem';

export const CONVERSION_PARTS = ['organization', 'contact', 'opportunity'] as const;
export type ConversionPart = (typeof CONVERSION_PARTS)[number];

/** The module each part of a conversion creates a record in. */
export const PART_MODULES: Record<ConversionPart, string> = {
  organization: 'organizations',
  contact: 'contacts',
  opportunity: 'opportunities',
};

type Values = Record<string, unknown>;

/** GET /leads/{id}/conversion-defaults: what converting the lead would create; null for a part it would skip. */
export type ConversionStart = Record<ConversionPart, Values | null>;

/** How the organization part is answered after the server found one of the same name. */
export type OrganizationChoice = { existingId: string } | { createNew: true };

export interface ConversionRequest {
  organization: Values | OrganizationChoice | false;
  contact: Values | false;
  opportunity: Values | false;
  assignTo?: { userId: string };
}

export type ConversionResult = Record<`${ConversionPart}Id`, string | null>;

/** An organization the server found under the lead's company name. */
export interface OrganizationCandidate {
  id: string;
  number: string;
  name: string;
}

export const conversionApi = {
  start: (leadId: string) => api.get<ConversionStart>(`/leads/${leadId}/conversion-defaults`),
  convert: (leadId: string, body: ConversionRequest) => api.post<ConversionResult>(`/leads/${leadId}/convert`, body),
};

/** The organizations a 409 names when the company exists already; empty for any other failure. */
export function organizationCandidates(error: unknown): OrganizationCandidate[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  return (error.problem as ProblemDocument & { candidates?: OrganizationCandidate[] }).candidates ?? [];
}
