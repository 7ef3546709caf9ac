import { options } from './define.js';

export const industryOptions = options(
  ['oil_gas', 'نفت و گاز', 'Oil & gas'],
  ['petrochemical', 'پتروشیمی', 'Petrochemicals'],
  ['manufacturing', 'تولیدی و صنعتی', 'Manufacturing'],
  ['construction', 'ساختمان و عمران', 'Construction'],
  ['banking', 'بانک و بیمه', 'Banking & insurance'],
  ['it', 'فناوری اطلاعات', 'Information technology'],
  ['telecom', 'مخابرات', 'Telecommunications'],
  ['retail', 'خرده‌فروشی', 'Retail'],
  ['distribution', 'پخش و بازرگانی', 'Distribution & trade'],
  ['food', 'صنایع غذایی', 'Food & beverage'],
  ['healthcare', 'سلامت و پزشکی', 'Healthcare'],
  ['pharma', 'دارو', 'Pharmaceuticals'],
  ['education', 'آموزش', 'Education'],
  ['tourism', 'گردشگری', 'Tourism'],
  ['automotive', 'خودرو', 'Automotive'],
  ['agriculture', 'کشاورزی', 'Agriculture'],
  ['government', 'دولتی', 'Government'],
  ['consulting', 'مشاوره', 'Consulting'],
  ['media', 'رسانه و تبلیغات', 'Media & advertising'],
  ['other', 'سایر', 'Other'],
);

export const leadSourceOptions = options(
  ['website', 'وب‌سایت', 'Website'],
  ['cold_call', 'تماس سرد', 'Cold call'],
  ['inbound_call', 'تماس ورودی', 'Inbound call'],
  ['exhibition', 'نمایشگاه', 'Exhibition'],
  ['referral', 'معرفی مشتریان', 'Referral'],
  ['social_media', 'شبکه‌های اجتماعی', 'Social media'],
  ['advertisement', 'تبلیغات', 'Advertisement'],
  ['email_campaign', 'کمپین ایمیلی', 'E-mail campaign'],
  ['sms_campaign', 'کمپین پیامکی', 'SMS campaign'],
  ['partner', 'همکار تجاری', 'Partner'],
  ['other', 'سایر', 'Other'],
);

export const salutationOptions = options(
  ['mr', 'آقای', 'Mr.'],
  ['mrs', 'خانم', 'Ms.'],
  ['dr', 'دکتر', 'Dr.'],
  ['eng', 'مهندس', 'Eng.'],
);

export const ratingOptions = options(['hot', 'داغ', 'Hot'], ['warm', 'گرم', 'Warm'], ['cold', 'سرد', 'Cold']);
