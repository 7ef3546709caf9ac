import type { ModuleDef } from '../types.js';
import { field, label } from './define.js';

/** Membership is stored once, on the users (`groupIds`); a group's `memberIds` is that relation seen from here. */
export const groups: ModuleDef = {
  name: 'groups',
  label: { singular: label('گروه', 'Group'), plural: label('گروه‌ها', 'Groups') },
  group: 'admin',
  numberPrefix: 'GRP',
  adminOnlyWrites: true,
  unowned: true,
  titleFields: ['name'],
  listColumns: ['number', 'name', 'description'],
  blocks: [{ name: 'details', label: label('اطلاعات گروه', 'Group details') }],
  fields: [
    field('name', 'text', 'نام گروه', 'Group name', {
      required: true,
      unique: true,
      searchable: true,
      block: 'details',
    }),
    field('description', 'longText', 'توضیحات', 'Description', { block: 'details' }),
    field('memberIds', 'referenceList', 'اعضا', 'Members', { target: 'users', block: 'details' }),
  ],
  relations: [{ name: 'members', module: 'users', field: 'groupIds', label: label('اعضا', 'Members') }],
};
