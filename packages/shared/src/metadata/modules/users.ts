import type { ModuleDef } from '../types.js';
import { field, label, options } from './define.js';

export const users: ModuleDef = {
  name: 'users',
  label: { singular: label('کاربر', 'User'), plural: label('کاربران', 'Users') },
  group: 'admin',
  numberPrefix: 'USR',
  adminOnlyWrites: true,
  unowned: true,
  titleFields: ['firstName', 'lastName'],
  listColumns: ['number', 'firstName', 'lastName', 'email', 'role', 'active'],
  blocks: [
    { name: 'account', label: label('حساب کاربری', 'Account') },
    { name: 'preferences', label: label('ترجیحات', 'Preferences') },
  ],
  fields: [
    field('email', 'email', 'ایمیل', 'E-mail', { required: true, unique: true, searchable: true, block: 'account' }),
    field('password', 'password', 'گذرواژه', 'Password', { writeOnly: true, block: 'account' }),
    field('firstName', 'text', 'نام', 'First name', { required: true, searchable: true, block: 'account' }),
    field('lastName', 'text', 'نام خانوادگی', 'Last name', { required: true, searchable: true, block: 'account' }),
    field('role', 'picklist', 'نقش', 'Role', {
      required: true,
      block: 'account',
      options: options(['admin', 'مدیر سیستم', 'Administrator'], ['user', 'کاربر', 'User']),
    }),
    field('active', 'boolean', 'فعال', 'Active', { block: 'account' }),
    field('groupIds', 'referenceList', 'گروه‌ها', 'Groups', { target: 'groups', block: 'account' }),
    field('mobile', 'phone', 'موبایل', 'Mobile', { block: 'account' }),
    field('language', 'picklist', 'زبان', 'Language', {
      block: 'preferences',
      options: options(['fa', 'فارسی', 'Persian'], ['en', 'انگلیسی', 'English']),
    }),
    field('calendar', 'picklist', 'تقویم', 'Calendar', {
      block: 'preferences',
      options: options(['jalali', 'شمسی', 'Jalali'], ['gregorian', 'میلادی', 'Gregorian']),
    }),
  ],
};
