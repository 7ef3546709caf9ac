import { toPersianDigits } from '@peyvand/shared';
import { tehranDateTime } from '../activities/tehran-date-format.js';
import type { LeasedEmail } from './email-outbox.repository.js';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A reminder as Persian e-mail: the activity's subject, its Jalali date and time in Tehran, and a
 * link to it in the web app; right-to-left HTML and the same in plain text.
 */
export function reminderEmail(email: LeasedEmail, publicUrl: string): EmailContent {
  const subject = email.subject ?? email.title;
  const link = `${publicUrl}/${email.module}/${email.record_id}`;
  const when = email.occurs_at && tehranDateTime(email.occurs_at);
  const lines = [
    `یادآوری: ${subject}`,
    ...(when ? [`تاریخ: ${when.jalaliDate}`, `ساعت: ${toPersianDigits(when.time)} (به وقت تهران)`] : []),
    ...(email.late ? ['این یادآوری با تأخیر فرستاده شد.'] : []),
  ];
  const text = [...lines, '', `مشاهده در پیوند: ${link}`, ''].join('\n');
  const html = `<!doctype html>
<html lang="fa" dir="rtl">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body dir="rtl" style="font-family: Tahoma, Vazirmatn, sans-serif; text-align: right; direction: rtl;">
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}">مشاهده در پیوند</a></p>
</body>
</html>
`;
  return { subject: `یادآوری: ${subject}`, text, html };
}
