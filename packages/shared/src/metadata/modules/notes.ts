import type { ModuleDef } from '../types.js';
import { field, label } from './define.js';

/** Seed 004: after every call the sales expert writes down what was said and agreed, on the lead itself. */
export const notes: ModuleDef = {
  name: 'notes',
  label: { singular: label('یادداشت', 'Note'), plural: label('یادداشت‌ها', 'Notes') },
  group: 'sales',
  numberPrefix: 'NOTE',
  changedByAuthorOnly: true,
  titleFields: ['body'],
  listColumns: ['number', 'body', 'createdBy', 'createdAt'],
  blocks: [{ name: 'details', label: label('یادداشت', 'Note') }],
  fields: [
    field('body', 'longText', 'متن یادداشت', 'Note', {
      required: true,
      searchable: true,
      quickCreate: true,
      block: 'details',
    }),
    field('links', 'recordLinks', 'مرتبط با', 'Related to', { quickCreate: true, block: 'details' }),
    field('mentions', 'referenceList', 'کاربران نام‌برده', 'Mentioned users', { target: 'users', block: 'details' }),
  ],
};
