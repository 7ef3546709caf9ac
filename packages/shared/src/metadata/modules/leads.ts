import type { ModuleDef } from '../types.js';
import { field, label, options } from './define.js';
import { industryOptions, leadSourceOptions, ratingOptions, salutationOptions } from './shared-options.js';

/** The fields of seed 004's lead form, in its order. */
export const leads: ModuleDef = {
  name: 'leads',
  label: { singular: label('سرنخ فروش', 'Lead'), plural: label('سرنخ‌های فروش', 'Leads') },
  group: 'marketing',
  numberPrefix: 'LEAD',
  globalSearch: true,
  findsDuplicates: true,
  titleFields: ['firstName', 'lastName', 'company'],
  requireOneOf: ['lastName', 'firstName', 'company'],
  listColumns: ['number', 'firstName', 'lastName', 'company', 'mobile', 'leadStatus', 'ownerId'],
  // Seed 004: a converted lead leaves the lead list; its follow-up goes on in the opportunity.
  defaultListFilter: { field: 'converted', op: 'ne', value: true },
  blocks: [
    { name: 'details', label: label('اطلاعات سرنخ', 'Lead details') },
    { name: 'address', label: label('نشانی', 'Address') },
    { name: 'description', label: label('توضیحات', 'Description') },
    { name: 'conversion', label: label('تبدیل سرنخ', 'Conversion') },
  ],
  fields: [
    field('salutation', 'picklist', 'عنوان', 'Salutation', {
      options: salutationOptions,
      optionsFrom: { module: 'contacts', field: 'salutation' },
      block: 'details',
    }),
    field('firstName', 'text', 'نام', 'First name', { searchable: true, quickCreate: true, block: 'details' }),
    field('lastName', 'text', 'نام خانوادگی', 'Last name', { searchable: true, quickCreate: true, block: 'details' }),
    field('company', 'text', 'شرکت', 'Company', { searchable: true, quickCreate: true, block: 'details' }),
    field('title', 'text', 'سمت', 'Title', { block: 'details' }),
    field('phone', 'phone', 'تلفن', 'Phone', { searchable: true, quickCreate: true, block: 'details' }),
    field('mobile', 'phone', 'شماره موبایل', 'Mobile', { searchable: true, quickCreate: true, block: 'details' }),
    field('fax', 'phone', 'فکس', 'Fax', { block: 'details' }),
    field('email', 'email', 'ایمیل', 'E-mail', { searchable: true, quickCreate: true, block: 'details' }),
    field('website', 'url', 'وب‌سایت', 'Website', { block: 'details' }),
    field('nationalCode', 'nationalCode', 'کد ملی', 'National code', { searchable: true, block: 'details' }),
    field('telegramId', 'text', 'آی‌دی تلگرام', 'Telegram ID', { maxLength: 100, searchable: true, block: 'details' }),
    field('leadSource', 'picklist', 'منبع سرنخ', 'Lead source', { options: leadSourceOptions, block: 'details' }),
    field('leadStatus', 'picklist', 'وضعیت سرنخ فروش', 'Lead status', {
      block: 'details',
      quickCreate: true,
      options: options(
        ['new', 'جدید', 'New'],
        ['attempted_contact', 'تلاش برای تماس', 'Attempted to contact'],
        ['contacted', 'تماس گرفته شد', 'Contacted'],
        ['contact_in_future', 'تماس در آینده', 'Contact in future'],
        ['qualified', 'واجد شرایط', 'Qualified'],
        ['not_qualified', 'فاقد شرایط', 'Not qualified'],
        ['junk', 'بی‌ارزش', 'Junk'],
        ['lost', 'از دست رفته', 'Lost'],
      ),
    }),
    field('rating', 'picklist', 'رتبه', 'Rating', {
      options: ratingOptions,
      optionsFrom: { module: 'organizations', field: 'rating' },
      block: 'details',
    }),
    field('industry', 'picklist', 'صنعت', 'Industry', {
      options: industryOptions,
      optionsFrom: { module: 'organizations', field: 'industry' },
      block: 'details',
    }),
    field('stage', 'picklist', 'مرحله', 'Stage', {
      block: 'details',
      options: options(
        ['awareness', 'آشنایی', 'Awareness'],
        ['interest', 'علاقه‌مندی', 'Interest'],
        ['consideration', 'بررسی', 'Consideration'],
        ['intent', 'قصد خرید', 'Intent'],
      ),
    }),
    field('annualRevenue', 'currency', 'درآمد سالانه', 'Annual revenue', { min: 0, block: 'details' }),
    field('employees', 'number', 'تعداد پرسنل', 'Employees', { min: 0, block: 'details' }),
    field('emailOptOut', 'boolean', 'عدم ارسال ایمیل', 'E-mail opt-out', { block: 'details' }),
    field('converted', 'boolean', 'تبدیل شده', 'Converted', { readOnly: true, block: 'conversion' }),
    field('convertedAt', 'datetime', 'زمان تبدیل', 'Converted at', { readOnly: true, block: 'conversion' }),
    field('convertedOrganizationId', 'reference', 'سازمان حاصل از تبدیل', 'Converted to organization', {
      target: 'organizations',
      readOnly: true,
      block: 'conversion',
    }),
    field('convertedContactId', 'reference', 'مخاطب حاصل از تبدیل', 'Converted to contact', {
      target: 'contacts',
      readOnly: true,
      block: 'conversion',
    }),
    field('convertedOpportunityId', 'reference', 'فرصت فروش حاصل از تبدیل', 'Converted to opportunity', {
      target: 'opportunities',
      readOnly: true,
      block: 'conversion',
    }),
    field('street', 'text', 'خیابان', 'Street', { maxLength: 500, block: 'address' }),
    field('poBox', 'text', 'صندوق پستی', 'PO box', { maxLength: 40, block: 'address' }),
    field('postalCode', 'postalCode', 'کد پستی', 'Postal code', { block: 'address' }),
    field('city', 'text', 'شهر', 'City', { maxLength: 100, searchable: true, block: 'address' }),
    field('province', 'text', 'استان', 'Province', { maxLength: 100, block: 'address' }),
    field('country', 'text', 'کشور', 'Country', { maxLength: 100, block: 'address' }),
    field('description', 'longText', 'توضیحات', 'Description', { block: 'description' }),
  ],
};
