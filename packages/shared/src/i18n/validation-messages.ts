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
  reference_created: {
    fa: (p) => `«${p.value}» هنوز نیست و با درون‌ریزی ساخته می‌شود.`,
    en: (p) => `"${p.value}" does not exist yet and is created by the import.`,
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
  ends_before_start: { fa: 'زمان پایان نباید پیش از زمان شروع باشد.', en: 'The end must not be before the start.' },
  only_for_calls: { fa: 'این فیلد فقط برای تماس تلفنی است.', en: 'This field is for calls only.' },
  needs_time: {
    fa: 'برای این کار، فعالیت باید زمان شروع یا مهلت انجام داشته باشد.',
    en: 'The activity needs a start or a due time for this.',
  },
  invalid_recurrence: {
    fa: 'قاعده تکرار نامعتبر است (قالب RRULE، مثلاً FREQ=WEEKLY;BYDAY=SA).',
    en: 'Invalid repeat rule (RRULE format, e.g. FREQ=WEEKLY;BYDAY=SA).',
  },
  recurrence_too_frequent: {
    fa: 'تکرار می‌تواند روزانه، هفتگی، ماهانه یا سالانه باشد.',
    en: 'An activity can repeat daily, weekly, monthly or yearly.',
  },
  unknown_module: { fa: 'چنین ماژولی وجود ندارد.', en: 'No such module.' },
  range_too_long: {
    fa: (p) => `بازه زمانی حداکثر ${p.days} روز می‌تواند باشد.`,
    en: (p) => `The time range can be at most ${p.days} days.`,
  },
  name_taken: { fa: 'این نام را پیش‌تر به کار برده‌اید.', en: 'You already use this name.' },
  listed_twice: { fa: 'این مورد دو بار آمده است.', en: 'This appears twice.' },
  record_not_found: {
    fa: 'رکوردی با این شناسه پیدا نشد؛ شاید حذف شده باشد.',
    en: 'No record with this id; it may have been deleted.',
  },
  inactive_user: { fa: 'این کاربر غیرفعال است.', en: 'This user is deactivated.' },
  unknown_block: {
    fa: (p) => `چنین بخشی در این ماژول نیست. بخش‌ها: ${p.blocks}.`,
    en: (p) => `The module has no such block. Blocks: ${p.blocks}.`,
  },
  block_not_empty: {
    fa: (p) => `بخش «${p.block}» هنوز فیلد دارد (${p.fields})؛ نخست آن‌ها را به بخش دیگری ببرید.`,
    en: (p) => `Block "${p.block}" still holds fields (${p.fields}); move them to another block first.`,
  },
  invalid_name: {
    fa: 'نام باید با حرف انگلیسی شروع شود و فقط حروف و رقم انگلیسی داشته باشد.',
    en: 'A name starts with a letter and has only English letters and digits.',
  },
  option_in_use: {
    fa: (p) => `رکوردهایی این گزینه‌ها را دارند و نمی‌توان آن‌ها را حذف کرد؛ پنهانشان کنید: ${p.values}.`,
    en: (p) => `Records hold these options, so they cannot be removed; hide them instead: ${p.values}.`,
  },
  options_shared: {
    fa: (p) => `این فهرست همان فهرست فیلد «${p.field}» در «${p.module}» است؛ گزینه‌ها را همان‌جا ویرایش کنید.`,
    en: (p) => `This list is the one of field “${p.field}” in “${p.module}”; edit its options there.`,
  },
  option_declared: {
    fa: (p) => `این گزینه‌ها از خود پیوند هستند و حذف نمی‌شوند؛ پنهانشان کنید: ${p.values}.`,
    en: (p) => `These options are part of Peyvand and cannot be removed; hide them instead: ${p.values}.`,
  },
  invalid_key: {
    fa: 'کلید ۱ تا ۱۰۰ نویسه از حروف و رقم انگلیسی، نقطه، خط تیره یا زیرخط است.',
    en: 'A key has 1 to 100 English letters, digits, dots, dashes or underscores.',
  },
  nested_too_deep: { fa: 'مقدار بیش از حد تو در تو است.', en: 'The value is nested too deeply.' },
  required_field_hidden: {
    fa: 'فیلد الزامی را نمی‌توان پنهان کرد.',
    en: 'A required field cannot be hidden.',
  },
  value_too_large: {
    fa: (p) => `مقدار بیش از حد بزرگ است (حداکثر ${p.maximum} بایت).`,
    en: (p) => `The value is too large (at most ${p.maximum} bytes).`,
  },
  lead_converted: {
    fa: 'این سرنخ تبدیل شده و دیگر ویرایش نمی‌شود؛ پیگیری را در فرصت فروش، مخاطب یا سازمان حاصل از آن ادامه دهید.',
    en: 'This lead has been converted and can no longer be changed; carry on in the opportunity, contact or organization it became.',
  },
  already_converted: {
    fa: 'این سرنخ پیش‌تر تبدیل شده است.',
    en: 'This lead has already been converted.',
  },
  nothing_to_convert: {
    fa: 'دست‌کم یکی از سازمان، مخاطب یا فرصت فروش باید ساخته شود.',
    en: 'At least one of the organization, the contact or the opportunity must be created.',
  },
  organization_exists: {
    fa: (p) =>
      `سازمانی به نام «${p.name}» وجود دارد. با existingId به همان وصل کنید یا با createNew: true سازمان تازه‌ای بسازید.`,
    en: (p) =>
      `An organization named "${p.name}" already exists. Link to it with existingId, or send createNew: true to create another.`,
  },
  existing_id_alone: {
    fa: 'همراه existingId فیلد دیگری از سازمان نفرستید.',
    en: 'Send no other organization fields with existingId.',
  },
  incompatible_field_types: {
    fa: (p) => `فیلد «${p.leadField}» (${p.leadType}) را نمی‌توان در «${p.targetField}» (${p.targetType}) ریخت.`,
    en: (p) =>
      `Lead field "${p.leadField}" (${p.leadType}) cannot be copied into "${p.targetField}" (${p.targetType}).`,
  },
  options_missing_in_target: {
    fa: (p) => `این گزینه‌های «${p.leadField}» در «${p.targetField}» نیستند: ${p.values}.`,
    en: (p) => `These options of "${p.leadField}" are missing from "${p.targetField}": ${p.values}.`,
  },
  multipart_required: { fa: 'پرونده را با multipart/form-data بفرستید.', en: 'Send the file as multipart/form-data.' },
  file_required: { fa: 'پرونده‌ای فرستاده نشده است.', en: 'No file was sent.' },
  file_too_large: {
    fa: (p) => `پرونده بزرگ‌تر از ${p.max} بایت است.`,
    en: (p) => `The file is larger than ${p.max} bytes.`,
  },
  file_unreadable: { fa: 'پرونده خوانا نیست.', en: 'The file cannot be read.' },
  quote_not_closed: {
    fa: (p) =>
      `ردیف ${p.row}: نقل‌قول (") یک خانه درست بسته نشده است؛ پرونده را در برنامه صفحه‌گسترده باز و دوباره ذخیره کنید.`,
    en: (p) =>
      `Row ${p.row}: a quoted cell is not closed properly; open the file in a spreadsheet program and save it again.`,
  },
  empty_file: { fa: 'پرونده هیچ ردیفی ندارد.', en: 'The file has no rows.' },
  unsupported_file: {
    fa: 'این نوع پرونده پشتیبانی نمی‌شود (CSV، xlsx یا vCard).',
    en: 'Unsupported file (CSV, xlsx or vCard).',
  },
  sheet_not_found: { fa: 'این برگه در پرونده نیست.', en: 'The workbook has no such sheet.' },
  unknown_column: { fa: 'پرونده چنین ستونی ندارد.', en: 'The file has no such column.' },
  nothing_mapped: { fa: 'هیچ ستونی به فیلدی نگاشته نشده است.', en: 'No column is mapped to a field.' },
  reference_ambiguous: {
    fa: 'چند رکورد با این نام هست؛ شناسه را بنویسید.',
    en: 'Several records have this name; give the id instead.',
  },
  match_not_available: {
    fa: 'این ماژول فیلدی برای این کلید تکراری ندارد.',
    en: 'This module has no field for that duplicate key.',
  },
  match_key_required: {
    fa: 'برای به‌روزرسانی یا ادغام تکراری‌ها، کلید یافتن تکراری را انتخاب کنید.',
    en: 'Choose the key duplicates are found by to update or merge them.',
  },
  import_not_undoable: {
    fa: 'فقط درون‌ریزی پایان‌یافته را می‌توان برگرداند، و فقط یک بار.',
    en: 'Only a finished import can be undone, and only once.',
  },
  import_not_cancellable: {
    fa: 'فقط درون‌ریزی در صف یا در حال اجرا را می‌توان لغو کرد.',
    en: 'Only a queued or running import can be cancelled.',
  },
  import_failed: {
    fa: 'درون‌ریزی متوقف شد؛ جزئیات در گزارش سرور است.',
    en: 'The import stopped; the server log has the details.',
  },
  import_attempt_failed: {
    fa: 'درون‌ریزی سه بار پشت سر هم به خطایی برخورد که از ردیف‌های پرونده نبود، و متوقف شد. ردیف‌های ذخیره‌شده می‌مانند و برگرداندنی‌اند؛ جزئیات در گزارش سرور است.',
    en: 'The import met an error no row of the file was to blame for three times in a row, and stopped. The rows stored stay and can be undone; the server log has the details.',
  },
  undo_attempt_failed: {
    fa: 'برگرداندن درون‌ریزی سه بار پشت سر هم به خطا خورد و متوقف شد. دوباره «برگرداندن» را بزنید تا از همان‌جا ادامه دهد؛ جزئیات در گزارش سرور است.',
    en: 'Undoing the import met an error three times in a row, and stopped. Undo again to go on from where it stopped; the server log has the details.',
  },
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
