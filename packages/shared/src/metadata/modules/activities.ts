import type { ModuleDef } from '../types.js';
import { field, label, options } from './define.js';

/** Seed 002's activity (فعالیت): e-mail, call, letter, event, task, linked to a lead, contact, organization… */
export const activities: ModuleDef = {
  name: 'activities',
  label: { singular: label('فعالیت', 'Activity'), plural: label('فعالیت‌ها', 'Activities') },
  group: 'sales',
  numberPrefix: 'ACT',
  titleFields: ['subject'],
  listColumns: ['number', 'type', 'subject', 'startsAt', 'dueAt', 'status', 'ownerId'],
  blocks: [
    { name: 'details', label: label('اطلاعات فعالیت', 'Activity details') },
    { name: 'schedule', label: label('زمان‌بندی', 'Schedule') },
    { name: 'description', label: label('توضیحات', 'Description') },
  ],
  fields: [
    field('type', 'picklist', 'نوع فعالیت', 'Type', {
      required: true,
      quickCreate: true,
      block: 'details',
      options: options(
        ['call', 'تماس تلفنی', 'Call'],
        ['meeting', 'جلسه / رویداد', 'Meeting / event'],
        ['task', 'وظیفه', 'Task'],
        ['email', 'ایمیل', 'E-mail'],
        ['letter', 'نامه', 'Letter'],
      ),
    }),
    field('subject', 'text', 'موضوع', 'Subject', {
      required: true,
      searchable: true,
      quickCreate: true,
      maxLength: 500,
      block: 'details',
    }),
    field('status', 'picklist', 'وضعیت', 'Status', {
      quickCreate: true,
      block: 'details',
      options: options(
        ['planned', 'برنامه‌ریزی شده', 'Planned'],
        ['held', 'برگزار شد', 'Held'],
        ['not_held', 'برگزار نشد', 'Not held'],
        ['in_progress', 'در حال انجام', 'In progress'],
        ['done', 'انجام شد', 'Done'],
        ['cancelled', 'لغو شد', 'Cancelled'],
      ),
    }),
    field('priority', 'picklist', 'اولویت', 'Priority', {
      block: 'details',
      options: options(
        ['low', 'کم', 'Low'],
        ['normal', 'معمولی', 'Normal'],
        ['high', 'زیاد', 'High'],
        ['urgent', 'فوری', 'Urgent'],
      ),
    }),
    field('callDirection', 'picklist', 'جهت تماس', 'Call direction', {
      block: 'details',
      options: options(['outbound', 'خروجی', 'Outbound'], ['inbound', 'ورودی', 'Inbound']),
    }),
    field('callOutcome', 'picklist', 'نتیجه تماس', 'Call outcome', {
      block: 'details',
      options: options(
        ['reached', 'صحبت شد', 'Reached'],
        ['no_answer', 'پاسخ نداد', 'No answer'],
        ['busy', 'مشغول بود', 'Busy'],
        ['voicemail', 'پیغام گذاشته شد', 'Left voicemail'],
        ['call_back', 'درخواست تماس مجدد', 'Asked to call back'],
        ['wrong_number', 'شماره اشتباه', 'Wrong number'],
      ),
    }),
    field('startsAt', 'datetime', 'زمان شروع', 'Starts at', { quickCreate: true, block: 'schedule' }),
    field('endsAt', 'datetime', 'زمان پایان', 'Ends at', { block: 'schedule' }),
    field('dueAt', 'datetime', 'مهلت انجام', 'Due at', { quickCreate: true, block: 'schedule' }),
    field('durationMinutes', 'number', 'مدت (دقیقه)', 'Duration (minutes)', {
      min: 0,
      max: 525_600,
      block: 'schedule',
    }),
    field('recurrence', 'recurrence', 'تکرار', 'Repeats', { block: 'schedule' }),
    field('reminders', 'reminders', 'یادآوری‌ها', 'Reminders', { block: 'schedule' }),
    field('location', 'text', 'مکان', 'Location', { maxLength: 500, searchable: true, block: 'details' }),
    field('participants', 'participants', 'شرکت‌کنندگان', 'Participants', { block: 'details' }),
    field('links', 'recordLinks', 'مرتبط با', 'Related to', { quickCreate: true, block: 'details' }),
    field('description', 'longText', 'توضیحات', 'Description', { searchable: true, block: 'description' }),
  ],
};
