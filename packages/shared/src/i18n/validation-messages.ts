/**
 * Field-level error messages in both languages, keyed by the error code the API returns in
 * `errors[].code`. Server and web app share them so a message reads the same everywhere.
 */
export type Language = 'fa' | 'en';

type Params = Record<string, string | number | undefined>;
type Message = { fa: string | ((p: Params) => string); en: string | ((p: Params) => string) };

const messages: Record<string, Message> = {
  required: { fa: 'این فیلد الزامی است.', en: 'This field is required.' },
  required_one_of: {
    fa: (p) => `دست‌کم یکی از این فیلدها را پر کنید: ${p.fields}.`,
    en: (p) => `Fill in at least one of: ${p.fields}.`,
  },
  invalid_type: {
    fa: (p) => `نوع مقدار نادرست است (${typeFa(p.expected)} لازم است).`,
    en: (p) => `Wrong type of value (expected ${p.expected}).`,
  },
  too_small: {
    fa: (p) =>
      p.origin === 'string'
        ? `دست‌کم ${p.minimum} نویسه لازم است.`
        : p.exclusive
          ? `مقدار باید بیشتر از ${p.minimum} باشد.`
          : `کمترین مقدار مجاز ${p.minimum} است.`,
    en: (p) =>
      p.origin === 'string'
        ? `At least ${p.minimum} characters are needed.`
        : p.exclusive
          ? `The value must be greater than ${p.minimum}.`
          : `The smallest allowed value is ${p.minimum}.`,
  },
  too_big: {
    fa: (p) =>
      p.origin === 'string'
        ? `حداکثر ${p.maximum} نویسه مجاز است.`
        : p.origin === 'array'
          ? `حداکثر ${p.maximum} مورد مجاز است.`
          : `بیشترین مقدار مجاز ${p.maximum} است.`,
    en: (p) =>
      p.origin === 'string'
        ? `At most ${p.maximum} characters are allowed.`
        : p.origin === 'array'
          ? `At most ${p.maximum} items are allowed.`
          : `The largest allowed value is ${p.maximum}.`,
  },
  invalid_value: {
    fa: (p) => `مقدار مجاز نیست. مقدارهای مجاز: ${p.options}.`,
    en: (p) => `This value is not allowed. Allowed values: ${p.options}.`,
  },
  unknown_field: { fa: 'این فیلد شناخته‌شده نیست.', en: 'Unknown field.' },
  invalid_text: { fa: 'متن نویسه‌های نامعتبر دارد.', en: 'The text contains invalid characters.' },
  invalid_date: {
    fa: 'تاریخ نامعتبر است؛ مانند ۱۴۰۳/۰۵/۱۲ یا 2024-08-02 بنویسید.',
    en: 'Invalid date; write it like 1403/05/12 or 2024-08-02.',
  },
  invalid_datetime: {
    fa: 'زمان نامعتبر است؛ قالب ISO 8601 با منطقه زمانی لازم است.',
    en: 'Invalid date-time; ISO 8601 with a time zone offset is required.',
  },
  invalid_phone: { fa: 'شماره تلفن نامعتبر است.', en: 'Invalid phone number.' },
  invalid_email: { fa: 'نشانی ایمیل نامعتبر است.', en: 'Invalid e-mail address.' },
  invalid_url: { fa: 'نشانی وب نامعتبر است.', en: 'Invalid web address.' },
  invalid_option: {
    fa: (p) => `این گزینه در فهرست نیست. گزینه‌های مجاز: ${p.options}.`,
    en: (p) => `Not one of the options. Allowed: ${p.options}.`,
  },
  invalid_id: { fa: 'شناسه نامعتبر است.', en: 'Invalid identifier.' },
  invalid_national_code: { fa: 'کد ملی نامعتبر است.', en: 'Invalid national code.' },
  invalid_legal_national_id: { fa: 'شناسه ملی نامعتبر است.', en: 'Invalid legal entity national ID.' },
  invalid_economic_code: { fa: 'کد اقتصادی نامعتبر است.', en: 'Invalid economic code.' },
  invalid_postal_code: { fa: 'کد پستی نامعتبر است.', en: 'Invalid postal code.' },
  reference_not_found: {
    fa: 'رکورد مرتبط پیدا نشد.',
    en: 'The referenced record does not exist.',
  },
  duplicate_value: {
    fa: 'این مقدار پیش‌تر برای رکورد دیگری ثبت شده است.',
    en: 'This value is already used by another record.',
  },
  version_conflict: {
    fa: (p) => `این رکورد در این فاصله تغییر کرده است (نسخه کنونی ${p.current}). صفحه را تازه کنید.`,
    en: (p) => `The record was changed meanwhile (current version ${p.current}). Reload it and try again.`,
  },
  last_admin: {
    fa: 'دست‌کم یک مدیر سیستم فعال باید بماند.',
    en: 'At least one active administrator must remain.',
  },
  one_owner: {
    fa: 'رکورد را به یک کاربر یا یک گروه بسپارید، نه هر دو.',
    en: 'Assign the record to one user or one group, not both.',
  },
  read_only: { fa: 'این فیلد قابل ویرایش نیست.', en: 'This field cannot be changed.' },
  unknown_filter_field: { fa: 'در این فیلد نمی‌توان جستجو کرد.', en: 'This field cannot be filtered on.' },
  operator_not_allowed: {
    fa: (p) => `عملگر «${p.op}» برای این فیلد مجاز نیست.`,
    en: (p) => `Operator "${p.op}" is not allowed for this field.`,
  },
  invalid_filter_value: { fa: 'مقدار فیلتر نامعتبر است.', en: 'Invalid filter value.' },
  filter_too_deep: { fa: 'فیلتر بیش از حد تو در تو است.', en: 'The filter is nested too deeply.' },
  filter_too_large: { fa: 'فیلتر شرط‌های بیش از حد دارد.', en: 'The filter has too many conditions.' },
  unknown_sort_field: { fa: 'بر پایه این فیلد نمی‌توان مرتب کرد.', en: 'Cannot sort by this field.' },
  invalid_cursor: { fa: 'نشانگر صفحه نامعتبر است.', en: 'Invalid page cursor.' },
  invalid_json: { fa: 'بدنه درخواست JSON معتبر نیست.', en: 'The request body is not valid JSON.' },
  invalid_body: { fa: 'بدنه درخواست نامعتبر است.', en: 'The request body is invalid.' },
  invalid_credentials: { fa: 'ایمیل یا گذرواژه نادرست است.', en: 'Wrong e-mail or password.' },
  field_exists: { fa: 'فیلدی با این نام وجود دارد.', en: 'A field with this name already exists.' },
  invalid_field_name: {
    fa: 'نام فیلد باید با حرف انگلیسی شروع شود و فقط حروف و رقم انگلیسی داشته باشد.',
    en: 'A field name starts with a letter and has only English letters and digits.',
  },
  type_change_not_allowed: {
    fa: 'نوع فیلد پس از ساخت قابل تغییر نیست.',
    en: 'A field type cannot be changed after it is created.',
  },
  options_required: { fa: 'فهرست گزینه‌ها لازم است.', en: 'A list of options is required.' },
  invalid: { fa: 'مقدار نامعتبر است.', en: 'Invalid value.' },
};

function typeFa(expected: string | number | undefined): string {
  const names: Record<string, string> = {
    string: 'متن',
    number: 'عدد',
    boolean: 'درست/نادرست',
    array: 'فهرست',
    object: 'شیء',
  };
  return names[String(expected)] ?? String(expected);
}

export function hasMessage(code: string): boolean {
  return code in messages;
}

export function validationMessage(code: string, language: Language, params: Params = {}): string {
  const message = messages[code] ?? messages.invalid!;
  const text = message[language];
  return typeof text === 'function' ? text(params) : text;
}
