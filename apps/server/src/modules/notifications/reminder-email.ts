import { toLatinDigits, toPersianDigits } from '@peyvand/shared';
import { tehranDateTime } from '../activities/tehran-date-format.js';
import type { LeasedEmail } from './email-outbox.repository.js';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Wording {
  lang: 'fa' | 'en';
  dir: 'rtl' | 'ltr';
  reminder: string;
  date: string;
  time: (time: string) => string;
  late: string;
  open: string;
}

const WORDING: Record<'fa' | 'en', Wording> = {
  fa: {
    lang: 'fa',
    dir: 'rtl',
    reminder: 'یادآوری',
    date: 'تاریخ',
    time: (time) => `ساعت: ${toPersianDigits(time)} (به وقت تهران)`,
    late: 'این یادآوری با تأخیر فرستاده شد.',
    open: 'مشاهده در پیوند',
  },
  en: {
    lang: 'en',
    dir: 'ltr',
    reminder: 'Reminder',
    date: 'Date',
    time: (time) => `Time: ${time} (Tehran time)`,
    late: 'This reminder was sent late.',
    open: 'Open in Peyvand',
  },
};

/**
 * A reminder e-mail in the recipient's language (Persian unless they chose English): the
 * activity's subject, its date in their calendar (Jalali unless they chose Gregorian) and time in
 * Tehran, and a link to it in the web app; HTML in the language's direction and the same in plain text.
 */
export function reminderEmail(email: LeasedEmail, publicUrl: string): EmailContent {
  const words = WORDING[email.language === 'en' ? 'en' : 'fa'];
  const subject = email.subject ?? email.title;
  const link = `${publicUrl}/${email.module}/${email.record_id}`;
  const when = email.occurs_at && tehranDateTime(email.occurs_at);
  const date = when && (email.calendar === 'gregorian' ? when.gregorianDate : when.jalaliDate);
  const lines = [
    `${words.reminder}: ${subject}`,
    ...(when ? [`${words.date}: ${words.lang === 'en' ? toLatinDigits(date!) : date}`, words.time(when.time)] : []),
    ...(email.late ? [words.late] : []),
  ];
  const text = [...lines, '', `${words.open}: ${link}`, ''].join('\n');
  const align = words.dir === 'rtl' ? 'right' : 'left';
  const html = `<!doctype html>
<html lang="${words.lang}" dir="${words.dir}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body dir="${words.dir}" style="font-family: Tahoma, Vazirmatn, sans-serif; text-align: ${align}; direction: ${words.dir};">
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}">${words.open}</a></p>
</body>
</html>
`;
  return { subject: `${words.reminder}: ${subject}`, text, html };
}
