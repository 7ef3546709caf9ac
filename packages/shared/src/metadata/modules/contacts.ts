import type { ModuleDef } from '../types.js';
import { field, label, options } from './define.js';
import { leadSourceOptions, salutationOptions } from './shared-options.js';

export const contacts: ModuleDef = {
  name: 'contacts',
  label: { singular: label('مخاطب', 'Contact'), plural: label('مخاطبین', 'Contacts') },
  group: 'marketing',
  numberPrefix: 'CON',
  globalSearch: true,
  findsDuplicates: true,
  titleFields: ['firstName', 'lastName'],
  requireOneOf: ['firstName', 'lastName'],
  listColumns: ['number', 'firstName', 'lastName', 'organizationId', 'phones', 'emails', 'ownerId'],
  blocks: [
    { name: 'details', label: label('اطلاعات مخاطب', 'Contact details') },
    { name: 'channels', label: label('راه‌های ارتباطی', 'How to reach them') },
    { name: 'customer', label: label('اطلاعات مشتری', 'Customer details') },
    { name: 'addresses', label: label('نشانی‌ها', 'Addresses') },
    { name: 'description', label: label('توضیحات', 'Description') },
  ],
  fields: [
    field('salutation', 'picklist', 'عنوان', 'Salutation', { options: salutationOptions, block: 'details' }),
    field('firstName', 'text', 'نام', 'First name', { searchable: true, quickCreate: true, block: 'details' }),
    field('lastName', 'text', 'نام خانوادگی', 'Last name', { searchable: true, quickCreate: true, block: 'details' }),
    field('title', 'text', 'سمت', 'Job title', { searchable: true, block: 'details' }),
    field('organizationId', 'reference', 'سازمان', 'Organization', {
      target: 'organizations',
      quickCreate: true,
      block: 'details',
    }),
    field('organizationRole', 'text', 'نقش در سازمان', 'Role in organization', { block: 'details' }),
    field('department', 'text', 'واحد', 'Department', { block: 'details' }),
    field('reportsToId', 'reference', 'گزارش به', 'Reports to', { target: 'contacts', block: 'details' }),
    field('assistant', 'text', 'دستیار', 'Assistant', { block: 'details' }),
    field('nationalCode', 'nationalCode', 'کد ملی', 'National code', { searchable: true, block: 'details' }),
    field('birthDate', 'date', 'تاریخ تولد', 'Birth date', { block: 'details' }),
    field('phones', 'phoneList', 'تلفن‌ها', 'Phones', { searchable: true, quickCreate: true, block: 'channels' }),
    field('emails', 'emailList', 'ایمیل‌ها', 'E-mails', { searchable: true, quickCreate: true, block: 'channels' }),
    field('socials', 'socialList', 'شبکه‌های اجتماعی', 'Social accounts', { searchable: true, block: 'channels' }),
    field('preferredChannel', 'picklist', 'راه ارتباطی ترجیحی', 'Preferred channel', {
      block: 'channels',
      options: options(
        ['phone', 'تلفن', 'Phone'],
        ['sms', 'پیامک', 'SMS'],
        ['email', 'ایمیل', 'E-mail'],
        ['messenger', 'پیام‌رسان', 'Messenger'],
        ['in_person', 'حضوری', 'In person'],
      ),
    }),
    field('emailOptOut', 'boolean', 'عدم ارسال ایمیل', 'E-mail opt-out', { block: 'channels' }),
    field('doNotCall', 'boolean', 'تماس گرفته نشود', 'Do not call', { block: 'channels' }),
    field('contactGroups', 'tags', 'گروه‌های مخاطب', 'Contact groups', { block: 'customer' }),
    field('category', 'text', 'دسته‌بندی', 'Category', { maxLength: 100, block: 'customer' }),
    field('tags', 'tags', 'برچسب‌ها', 'Tags', { searchable: true, block: 'customer' }),
    field('leadSource', 'picklist', 'نحوه آشنایی', 'Lead source', {
      options: leadSourceOptions,
      optionsFrom: { module: 'leads', field: 'leadSource' },
      block: 'customer',
    }),
    field('paymentTerms', 'picklist', 'نحوه پرداخت', 'Payment terms', {
      block: 'customer',
      options: options(
        ['prepay', 'پیش‌پرداخت', 'Prepay'],
        ['after_delivery', 'پرداخت پس از تحویل', 'Pay after delivery'],
      ),
    }),
    field('purchaseStatus', 'picklist', 'وضعیت خرید', 'Purchase status', {
      block: 'customer',
      options: options(
        ['paid', 'پرداخت شده', 'Paid'],
        ['pending', 'معلق', 'Pending'],
        ['not_needed', 'عدم نیاز', 'Not needed'],
      ),
    }),
    field('totalPurchases', 'currency', 'جمع خرید', 'Total purchases', { min: 0, block: 'customer' }),
    field('addresses', 'addressList', 'نشانی‌ها', 'Addresses', { searchable: true, block: 'addresses' }),
    field('description', 'longText', 'توضیحات', 'Description', { block: 'description' }),
  ],
  relations: [
    { name: 'reports', module: 'contacts', field: 'reportsToId', label: label('زیرمجموعه‌ها', 'Direct reports') },
    {
      name: 'opportunities',
      module: 'opportunities',
      field: 'contactId',
      label: label('فرصت‌های فروش', 'Opportunities'),
    },
  ],
};
