import type { ModuleDef } from '../types.js';
import { field, label, options } from './define.js';
import { industryOptions, ratingOptions } from './shared-options.js';

export const organizations: ModuleDef = {
  name: 'organizations',
  label: { singular: label('سازمان', 'Organization'), plural: label('سازمان‌ها', 'Organizations') },
  group: 'marketing',
  numberPrefix: 'ORG',
  globalSearch: true,
  findsDuplicates: true,
  titleFields: ['name'],
  listColumns: ['number', 'name', 'phone', 'industry', 'ownerId', 'updatedAt'],
  blocks: [
    { name: 'details', label: label('اطلاعات سازمان', 'Organization details') },
    { name: 'legal', label: label('اطلاعات حقوقی', 'Legal details') },
    { name: 'addresses', label: label('نشانی‌ها', 'Addresses') },
    { name: 'description', label: label('توضیحات', 'Description') },
  ],
  fields: [
    field('name', 'text', 'نام سازمان', 'Organization name', {
      required: true,
      searchable: true,
      quickCreate: true,
      block: 'details',
    }),
    field('phone', 'phone', 'تلفن', 'Phone', { searchable: true, quickCreate: true, block: 'details' }),
    field('otherPhone', 'phone', 'تلفن دیگر', 'Other phone', { searchable: true, block: 'details' }),
    field('fax', 'phone', 'فکس', 'Fax', { block: 'details' }),
    field('email', 'email', 'ایمیل', 'E-mail', { searchable: true, quickCreate: true, block: 'details' }),
    field('website', 'url', 'وب‌سایت', 'Website', { searchable: true, block: 'details' }),
    field('industry', 'picklist', 'صنعت', 'Industry', {
      options: industryOptions,
      quickCreate: true,
      block: 'details',
    }),
    field('type', 'picklist', 'نوع', 'Type', {
      block: 'details',
      options: options(
        ['customer', 'مشتری', 'Customer'],
        ['prospect', 'مشتری بالقوه', 'Prospect'],
        ['partner', 'همکار تجاری', 'Partner'],
        ['reseller', 'نماینده فروش', 'Reseller'],
        ['supplier', 'تأمین‌کننده', 'Supplier'],
        ['competitor', 'رقیب', 'Competitor'],
        ['other', 'سایر', 'Other'],
      ),
    }),
    field('rating', 'picklist', 'رتبه', 'Rating', { options: ratingOptions, block: 'details' }),
    field('ownership', 'picklist', 'نوع مالکیت', 'Ownership', {
      block: 'details',
      options: options(
        ['private', 'خصوصی', 'Private'],
        ['public', 'سهامی عام', 'Public'],
        ['government', 'دولتی', 'Government'],
        ['semi_public', 'خصولتی', 'Semi-public'],
        ['cooperative', 'تعاونی', 'Cooperative'],
      ),
    }),
    field('employees', 'number', 'تعداد کارکنان', 'Employees', { min: 0, block: 'details' }),
    field('annualRevenue', 'currency', 'درآمد سالانه', 'Annual revenue', { min: 0, block: 'details' }),
    field('parentId', 'reference', 'سازمان مادر', 'Parent organization', { target: 'organizations', block: 'details' }),
    field('emailOptOut', 'boolean', 'عدم ارسال ایمیل', 'E-mail opt-out', { block: 'details' }),
    field('nationalId', 'legalNationalId', 'شناسه ملی', 'National ID', { searchable: true, block: 'legal' }),
    field('economicCode', 'economicCode', 'کد اقتصادی', 'Economic code', { block: 'legal' }),
    field('registrationNumber', 'text', 'شماره ثبت', 'Registration number', { maxLength: 40, block: 'legal' }),
    field('billingAddress', 'address', 'نشانی صورتحساب', 'Billing address', { searchable: true, block: 'addresses' }),
    field('shippingAddress', 'address', 'نشانی ارسال', 'Shipping address', { block: 'addresses' }),
    field('description', 'longText', 'توضیحات', 'Description', { block: 'description' }),
  ],
  relations: [
    { name: 'contacts', module: 'contacts', field: 'organizationId', label: label('مخاطبین', 'Contacts') },
    { name: 'branches', module: 'organizations', field: 'parentId', label: label('شعبه‌ها و واحدها', 'Branches') },
    {
      name: 'opportunities',
      module: 'opportunities',
      field: 'organizationId',
      label: label('فرصت‌های فروش', 'Opportunities'),
    },
  ],
};
