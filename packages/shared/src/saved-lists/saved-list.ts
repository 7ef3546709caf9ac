import type { FilterNode } from '../metadata/filter.js';

/**
 * A named custom list of a module ("contacts in Tehran"): a filter, columns and a sort, private
 * or shared. The server answers with it and the web app reads it, so both take it from here.
 */
export interface SavedList {
  id: string;
  module: string;
  name: string;
  filter: FilterNode | null;
  columns: string[] | null;
  sort: string | null;
  shared: boolean;
  ownerId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
