import type { ModuleDef } from '../types.js';
import { field, label, options } from './define.js';
import { salesStageOptions } from './sales-stages.js';
import { leadSourceOptions } from './shared-options.js';

/**
 * Seed 004's opportunity (فرصت فروش): what a lead becomes once the customer has a clear need,
 * followed through the sales stages until it is won or lost.
 */
export const opportunities: ModuleDef = {
  name: 'opportunities',
  label: { singular: label('فرصت فروش', 'Opportunity'), plural: label('فرصت‌های فروش', 'Opportunities') },
  group: 'sales',
  numberPrefix: 'OPP',
  globalSearch: true,
  findsDuplicates: true,
  titleFields: ['name'],
  // A deal is always with someone: a person, an organization or both (vtiger's "related to").
  requireOneOf: ['organizationId', 'contactId'],
  listColumns: ['number', 'name', 'organizationId', 'amount', 'expectedCloseDate', 'stage', 'probability', 'ownerId'],
  blocks: [
    { name: 'details', label: label('اطلاعات فرصت فروش', 'Opportunity details') },
    { name: 'closing', label: label('نتیجه', 'Outcome') },
    { name: 'description', label: label('توضیحات', 'Description') },
  ],
  fields: [
    field('name', 'text', 'نام فرصت فروش', 'Opportunity name', {
      required: true,
      searchable: true,
      quickCreate: true,
      maxLength: 200,
      block: 'details',
    }),
    field('organizationId', 'reference', 'سازمان', 'Organization', {
      target: 'organizations',
      quickCreate: true,
      block: 'details',
    }),
    field('contactId', 'reference', 'مخاطب', 'Contact', { target: 'contacts', quickCreate: true, block: 'details' }),
    field('amount', 'currency', 'مقدار (مبلغ)', 'Amount', { min: 0, quickCreate: true, block: 'details' }),
    field('expectedCloseDate', 'date', 'تاریخ مورد انتظار بسته شدن', 'Expected close date', {
      required: true,
      quickCreate: true,
      block: 'details',
    }),
    field('stage', 'picklist', 'مرحله فروش', 'Sales stage', {
      required: true,
      quickCreate: true,
      block: 'details',
      options: salesStageOptions,
      optionAttributes: ['probability', 'kind'],
    }),
    field('probability', 'percent', 'احتمال موفقیت (٪)', 'Probability (%)', { block: 'details' }),
    field('type', 'picklist', 'نوع', 'Type', {
      block: 'details',
      options: options(
        ['new_business', 'مشتری جدید', 'New business'],
        ['existing_business', 'مشتری فعلی', 'Existing business'],
      ),
    }),
    field('leadSource', 'picklist', 'منبع سرنخ', 'Lead source', {
      options: leadSourceOptions,
      optionsFrom: { module: 'leads', field: 'leadSource' },
      block: 'details',
    }),
    field('nextStep', 'text', 'گام بعدی', 'Next step', { maxLength: 500, block: 'details' }),
    field('leadId', 'reference', 'سرنخ مبدأ', 'Converted from lead', {
      target: 'leads',
      readOnly: true,
      block: 'details',
    }),
    field('closedOn', 'date', 'تاریخ بسته شدن', 'Closed on', { block: 'closing' }),
    field('closeReason', 'picklist', 'دلیل موفقیت یا شکست', 'Won/lost reason', {
      block: 'closing',
      options: options(
        ['price', 'قیمت', 'Price'],
        ['competitor', 'انتخاب رقیب', 'Went with a competitor'],
        ['no_budget', 'نبود بودجه', 'No budget'],
        ['no_decision', 'تصمیم‌نگرفتن مشتری', 'No decision'],
        ['timing', 'زمان‌بندی', 'Timing'],
        ['product_fit', 'تناسب محصول با نیاز', 'Product fit'],
        ['relationship', 'رابطه و اعتماد', 'Relationship and trust'],
        ['other', 'سایر', 'Other'],
      ),
    }),
    field('description', 'longText', 'توضیحات', 'Description', { block: 'description' }),
  ],
};
