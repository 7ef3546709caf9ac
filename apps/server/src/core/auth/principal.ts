import type { Language } from '@peyvand/shared';

export type Role = 'admin' | 'user';

/** Who is making a request, resolved once per request from a session cookie or a Bearer token. */
export interface Principal {
  workspaceId: string;
  userId: string;
  role: Role;
  language: Language;
  /** The workspace's metadata version, read in the same query, so cached metadata is never stale. */
  metadataVersion: number;
  via: 'session' | 'token';
}

/** Actions taken by the system itself (first admin, demo data, CLI) are recorded with no user. */
export interface Actor {
  workspaceId: string;
  userId: string | null;
  role: Role;
}
