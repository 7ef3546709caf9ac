import type { PicklistOption, StageKind } from '../types.js';

function stage(value: string, fa: string, en: string, probability: number, kind: StageKind): PicklistOption {
  return { value, label: { fa, en }, probability, kind };
}

/** The funnel Peyvand starts with, as vtiger has it; admins rename, reorder, add and hide stages. */
export const salesStageOptions: PicklistOption[] = [
  stage('prospecting', 'شناسایی', 'Prospecting', 10, 'open'),
  stage('qualification', 'احراز صلاحیت', 'Qualification', 20, 'open'),
  stage('needs_analysis', 'نیازسنجی', 'Needs analysis', 30, 'open'),
  stage('proposal', 'پیشنهاد قیمت / پیش‌فاکتور', 'Proposal / price quote', 60, 'open'),
  stage('negotiation', 'مذاکره', 'Negotiation', 80, 'open'),
  stage('closed_won', 'بسته شده - موفق', 'Closed won', 100, 'won'),
  stage('closed_lost', 'بسته شده - ناموفق', 'Closed lost', 0, 'lost'),
];

/** The option of a stage value, or undefined when it is not (or no longer) one of the stages. */
export function stageOption(stages: readonly PicklistOption[], value: unknown): PicklistOption | undefined {
  return stages.find((option) => option.value === value);
}

/** Where new deals start when none is named: the first open stage that is not hidden. */
export function firstOpenStage(stages: readonly PicklistOption[]): PicklistOption | undefined {
  return stages.find((option) => option.kind === 'open' && !option.hidden) ?? stages.find((option) => !option.hidden);
}
