/**
 * The words Iranian businesses are named and described with. Values of picklists are the
 * declared option values (shared-options.ts), so the create schema accepts them as they are.
 */
import type { Name } from './persian-names.js';

/** Brand words with their Latin spelling, for names («پرتو گستر امید») and domains (partowgostar.ir). */
// prettier-ignore
export const BRAND_WORDS: readonly Name[] = [
  ['پرتو', 'partow'], ['امید', 'omid'], ['زرین', 'zarin'], ['آریا', 'arya'], ['پارس', 'pars'],
  ['البرز', 'alborz'], ['سپهر', 'sepehr'], ['آسمان', 'aseman'], ['نوین', 'novin'], ['سپید', 'sepid'],
  ['کوثر', 'kowsar'], ['مهر', 'mehr'], ['آفتاب', 'aftab'], ['بهار', 'bahar'], ['آرمان', 'arman'],
  ['رایان', 'rayan'], ['فراز', 'faraz'], ['ستاره', 'setareh'], ['دنا', 'dena'], ['سهند', 'sahand'],
  ['زاگرس', 'zagros'], ['کاوه', 'kaveh'], ['نگین', 'negin'], ['پویا', 'pouya'], ['توس', 'toos'],
  ['آبان', 'aban'], ['ماهان', 'mahan'], ['هامون', 'hamoon'], ['کیان', 'kian'], ['تابان', 'taban'],
  ['آتیه', 'atieh'], ['شایان', 'shayan'], ['افق', 'ofogh'], ['صدرا', 'sadra'], ['رهاورد', 'rahavard'],
  ['پیشرو', 'pishro'], ['برتر', 'bartar'], ['ارغوان', 'arghavan'], ['سیمرغ', 'simorgh'], ['دماوند', 'damavand'],
  ['آوا', 'ava'], ['نیکان', 'nikan'], ['بامداد', 'bamdad'], ['روشن', 'roshan'], ['سرمد', 'sarmad'],
  ['آذر', 'azar'], ['تدبیر', 'tadbir'], ['اندیشه', 'andisheh'], ['میهن', 'mihan'], ['پایا', 'paya'],
];

/** The second word of «پرتو گستر امید»-style names. */
// prettier-ignore
export const NAME_LINKS: readonly Name[] = [
  ['گستر', 'gostar'], ['پردازان', 'pardazan'], ['سازان', 'sazan'], ['آوران', 'avaran'], ['پویان', 'pouyan'],
  ['تجارت', 'tejarat'], ['رسان', 'resan'], ['نگار', 'negar'], ['اندیشان', 'andishan'], ['کاران', 'karan'],
];

export type Industry =
  | 'oil_gas'
  | 'petrochemical'
  | 'manufacturing'
  | 'construction'
  | 'banking'
  | 'it'
  | 'telecom'
  | 'retail'
  | 'distribution'
  | 'food'
  | 'healthcare'
  | 'pharma'
  | 'education'
  | 'tourism'
  | 'automotive'
  | 'agriculture'
  | 'government'
  | 'consulting'
  | 'media'
  | 'other';

/** A name pattern per industry: «صنایع غذایی زرین», «داروسازی سپید», «زرین رایانه». */
export interface NamePattern {
  industry: Industry;
  /** Written before the brand… */
  before?: Name;
  /** …or after it. */
  after?: Name;
  weight: number;
}

export const NAME_PATTERNS: readonly NamePattern[] = [
  { industry: 'food', before: ['صنایع غذایی', 'food'], weight: 8 },
  { industry: 'food', before: ['لبنیات', 'dairy'], weight: 3 },
  { industry: 'pharma', before: ['داروسازی', 'pharma'], weight: 4 },
  { industry: 'petrochemical', before: ['پتروشیمی', 'petro'], weight: 3 },
  { industry: 'oil_gas', before: ['مهندسی نفت و گاز', 'oilgas'], weight: 2 },
  { industry: 'manufacturing', before: ['گروه صنعتی', 'group'], weight: 6 },
  { industry: 'manufacturing', before: ['فولاد', 'steel'], weight: 3 },
  { industry: 'manufacturing', before: ['کاشی', 'tile'], weight: 2 },
  { industry: 'manufacturing', before: ['نساجی', 'textile'], weight: 2 },
  { industry: 'construction', before: ['ساختمانی', 'build'], weight: 5 },
  { industry: 'construction', after: ['سازه', 'sazeh'], weight: 3 },
  { industry: 'it', after: ['رایانه', 'computer'], weight: 6 },
  { industry: 'it', before: ['فناوری اطلاعات', 'it'], weight: 4 },
  { industry: 'it', after: ['نرم‌افزار', 'soft'], weight: 3 },
  { industry: 'telecom', before: ['ارتباطات', 'telecom'], weight: 2 },
  { industry: 'retail', before: ['فروشگاه‌های زنجیره‌ای', 'shop'], weight: 3 },
  { industry: 'distribution', before: ['پخش', 'pakhsh'], weight: 6 },
  { industry: 'distribution', before: ['بازرگانی', 'trading'], weight: 7 },
  { industry: 'healthcare', before: ['کلینیک', 'clinic'], weight: 2 },
  { industry: 'healthcare', before: ['تجهیزات پزشکی', 'medical'], weight: 3 },
  { industry: 'education', before: ['مؤسسه آموزشی', 'academy'], weight: 3 },
  { industry: 'tourism', before: ['گردشگری', 'travel'], weight: 3 },
  { industry: 'automotive', before: ['قطعه‌سازی', 'parts'], weight: 3 },
  { industry: 'agriculture', before: ['کشت و صنعت', 'agro'], weight: 3 },
  { industry: 'consulting', before: ['مشاوران مدیریت', 'consulting'], weight: 3 },
  { industry: 'media', before: ['کانون تبلیغاتی', 'ads'], weight: 3 },
  { industry: 'banking', before: ['صرافی', 'exchange'], weight: 1 },
];

/** Industries of «پرتو گستر امید»-style names, which do not say what the company does. */
// prettier-ignore
export const GENERIC_INDUSTRIES: readonly Industry[] = [
  'it', 'distribution', 'consulting', 'manufacturing', 'construction', 'retail', 'media', 'other',
];

// prettier-ignore
export const ORGANIZATION_TYPES = [
  ['customer', 40], ['prospect', 30], ['partner', 10], ['reseller', 7], ['supplier', 8], ['competitor', 3], ['other', 2],
] as const;

// prettier-ignore
export const OWNERSHIPS = [
  ['private', 70], ['public', 8], ['government', 5], ['semi_public', 6], ['cooperative', 11],
] as const;

// prettier-ignore
export const RATINGS = [['hot', 2], ['warm', 5], ['cold', 3]] as const;

// prettier-ignore
export const JOB_TITLES = [
  'مدیرعامل', 'مدیر فروش', 'کارشناس فروش', 'مدیر بازرگانی', 'کارشناس بازاریابی', 'مدیر مالی', 'حسابدار',
  'مدیر منابع انسانی', 'مسئول خرید', 'مدیر تولید', 'کارشناس فنی', 'کارشناس پشتیبانی', 'برنامه‌نویس',
  'مدیر فناوری اطلاعات', 'مدیر داخلی', 'مسئول دفتر', 'کارشناس کنترل کیفیت', 'مدیر پروژه', 'کارشناس حقوقی',
  'رئیس هیئت‌مدیره', 'مدیر انبار', 'کارشناس تدارکات', 'مدیر روابط عمومی', 'طراح گرافیک',
];

// prettier-ignore
export const DEPARTMENTS = [
  'فروش', 'مالی', 'فنی', 'بازرگانی', 'منابع انسانی', 'تولید', 'فناوری اطلاعات', 'تدارکات', 'مدیریت', 'پشتیبانی',
];

export const ORGANIZATION_ROLES = ['تصمیم‌گیرنده', 'کاربر نهایی', 'مشاور خرید', 'تأثیرگذار', 'رابط مالی', 'رابط فنی'];

// prettier-ignore
export const CONTACT_GROUPS = [
  'باشگاه مشتریان طلایی', 'باشگاه مشتریان نقره‌ای', 'نمایندگان فروش', 'همکاران تجاری', 'مشتریان عمده',
];

// prettier-ignore
export const TAGS = [
  'مشتری وفادار', 'VIP', 'نمایشگاه ۱۴۰۳', 'خرید عمده', 'پیگیری', 'همکار قدیمی', 'خوش‌حساب', 'معرفی‌شده',
  'بازدید حضوری', 'نیاز به پیش‌فاکتور', 'جشنواره نوروزی',
];

export const CATEGORIES = ['مشتری حقیقی', 'مشتری حقوقی', 'نماینده', 'تأمین‌کننده', 'همکار'];

// prettier-ignore
export const LEAD_SOURCES = [
  ['website', 20], ['cold_call', 10], ['inbound_call', 12], ['exhibition', 12], ['referral', 14],
  ['social_media', 14], ['advertisement', 5], ['email_campaign', 4], ['sms_campaign', 5], ['partner', 3], ['other', 1],
] as const;

// prettier-ignore
export const LEAD_STATUSES = [
  ['new', 30], ['attempted_contact', 15], ['contacted', 18], ['contact_in_future', 10], ['qualified', 12],
  ['not_qualified', 7], ['junk', 3], ['lost', 5],
] as const;

// prettier-ignore
export const LEAD_STAGES = [['awareness', 4], ['interest', 3], ['consideration', 2], ['intent', 1]] as const;

export const LEAD_NOTES = [
  'درخواست پیش‌فاکتور برای خرید عمده دارد.',
  'در نمایشگاه بین‌المللی تهران با ما آشنا شد.',
  'قرار شد کاتالوگ محصولات برایش ایمیل شود.',
  'بعد از تعطیلات نوروز دوباره تماس گرفته شود.',
  'به نسخه آزمایشی نرم‌افزار علاقه‌مند است.',
  'بودجه خرید در سه‌ماهه بعد تصویب می‌شود.',
  'از طریق یکی از مشتریان فعلی معرفی شده است.',
  'خواستار جلسه حضوری با مدیر فروش است.',
];

export const ORGANIZATION_NOTES = [
  'قرارداد سالانه پشتیبانی دارد.',
  'پرداخت‌ها معمولاً با چک مدت‌دار انجام می‌شود.',
  'نماینده انحصاری در استان است.',
  'خرید از طریق مناقصه انجام می‌دهد.',
  'شعبه مرکزی در تهران و کارخانه در شهرک صنعتی است.',
];

// prettier-ignore
export const EMAIL_DOMAINS = [
  ['gmail.com', 45], ['yahoo.com', 20], ['chmail.ir', 6], ['outlook.com', 6], ['hotmail.com', 5], ['live.com', 2],
] as const;

// prettier-ignore
export const SOCIAL_NETWORKS = [
  ['telegram', 30], ['instagram', 30], ['whatsapp', 15], ['linkedin', 15], ['bale', 5], ['eitaa', 3], ['rubika', 2],
] as const;
