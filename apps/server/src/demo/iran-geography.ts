/**
 * Iran's 31 provinces with their landline area codes and main cities. For each city: the first
 * two digits of its postal codes and the registry-office prefixes its national codes start
 * with, so a generated person from Isfahan has a 031 phone, an 81… postal code and a 127…
 * national code, as a real one would.
 */

/** Sales regions, the values of the benchmark's `region` custom field. */
export const SALES_REGIONS = [
  { value: 'tehran', fa: 'تهران بزرگ', en: 'Greater Tehran' },
  { value: 'north', fa: 'شمال', en: 'North' },
  { value: 'northwest', fa: 'شمال‌غرب', en: 'Northwest' },
  { value: 'west', fa: 'غرب', en: 'West' },
  { value: 'center', fa: 'مرکز', en: 'Centre' },
  { value: 'south', fa: 'جنوب', en: 'South' },
  { value: 'east', fa: 'شرق', en: 'East' },
] as const;

export type SalesRegion = (typeof SALES_REGIONS)[number]['value'];

export interface City {
  name: string;
  province: Province;
  postalPrefixes: readonly string[];
  nationalCodePrefixes: readonly string[];
  weight: number;
}

export interface Province {
  name: string;
  areaCode: string;
  region: SalesRegion;
  cities: City[];
}

type CityRow = [name: string, weight: number, postal: string[], nationalCode: string[]];
type ProvinceRow = [name: string, areaCode: string, region: SalesRegion, cities: CityRow[]];

// Weights follow population, with Tehran's doubled: that is where most businesses are.
// prettier-ignore
const ROWS: ProvinceRow[] = [
  ['تهران', '21', 'tehran', [
    ['تهران', 230, ['13', '14', '15', '16', '17', '19'], ['001', '002', '003', '004', '005', '006', '007', '008', '011', '015', '020', '025']],
    ['شهریار', 8, ['33'], ['490', '491']],
    ['اسلامشهر', 7, ['33'], ['556']],
    ['ورامین', 5, ['33'], ['041', '042']],
  ]],
  ['البرز', '26', 'tehran', [['کرج', 27, ['31'], ['031', '032']]]],
  ['قم', '25', 'center', [['قم', 13, ['37'], ['037', '038']]]],
  ['اصفهان', '31', 'center', [
    ['اصفهان', 36, ['81'], ['127', '128', '129']],
    ['کاشان', 6, ['87'], ['125', '126']],
    ['نجف‌آباد', 5, ['85'], ['108', '109']],
    ['خمینی‌شهر', 4, ['84'], ['113', '114']],
  ]],
  ['فارس', '71', 'south', [
    ['شیراز', 38, ['71'], ['228', '229', '230']],
    ['مرودشت', 6, ['73'], ['242', '243']],
    ['کازرون', 5, ['73'], ['236', '237']],
  ]],
  ['خراسان رضوی', '51', 'east', [
    ['مشهد', 50, ['91'], ['092', '093', '094']],
    ['نیشابور', 8, ['93'], ['105', '106']],
    ['سبزوار', 6, ['96'], ['078', '079']],
  ]],
  ['آذربایجان شرقی', '41', 'northwest', [
    ['تبریز', 33, ['51'], ['136', '137', '138']],
    ['مراغه', 6, ['55'], ['154', '155']],
  ]],
  ['خوزستان', '61', 'south', [
    ['اهواز', 38, ['61'], ['174', '175']],
    ['دزفول', 9, ['64'], ['199', '200']],
  ]],
  ['گیلان', '13', 'north', [
    ['رشت', 17, ['41'], ['258', '259']],
    ['لاهیجان', 4, ['44'], ['271', '272']],
    ['بندر انزلی', 4, ['43'], ['264']],
  ]],
  ['مازندران', '11', 'north', [
    ['ساری', 13, ['48'], ['208', '209']],
    ['بابل', 10, ['47'], ['205', '206']],
    ['آمل', 10, ['46'], ['213', '214']],
  ]],
  ['کرمان', '34', 'east', [
    ['کرمان', 22, ['76'], ['298', '299']],
    ['رفسنجان', 5, ['77'], ['304', '305']],
    ['سیرجان', 5, ['78'], ['306', '307']],
  ]],
  ['یزد', '35', 'center', [['یزد', 11, ['89'], ['442', '443']]]],
  ['همدان', '81', 'west', [['همدان', 17, ['65'], ['386', '387']]]],
  ['کرمانشاه', '83', 'west', [['کرمانشاه', 20, ['67'], ['324', '325']]]],
  ['آذربایجان غربی', '44', 'northwest', [
    ['ارومیه', 25, ['57'], ['274', '275']],
    ['خوی', 8, ['58'], ['279', '280']],
  ]],
  ['مرکزی', '86', 'center', [
    ['اراک', 10, ['38'], ['052', '053']],
    ['ساوه', 4, ['39'], ['059', '060']],
  ]],
  ['سیستان و بلوچستان', '54', 'east', [['زاهدان', 28, ['98'], ['361', '362']]]],
  ['اردبیل', '45', 'northwest', [['اردبیل', 13, ['56'], ['145', '146']]]],
  ['زنجان', '24', 'northwest', [['زنجان', 11, ['45'], ['427', '428']]]],
  ['قزوین', '28', 'center', [['قزوین', 13, ['34'], ['431', '432']]]],
  ['گلستان', '17', 'north', [['گرگان', 19, ['49'], ['211', '212']]]],
  ['هرمزگان', '76', 'south', [['بندرعباس', 18, ['79'], ['338', '339']]]],
  ['بوشهر', '77', 'south', [['بوشهر', 12, ['75'], ['349', '350']]]],
  ['لرستان', '66', 'west', [
    ['خرم‌آباد', 12, ['68'], ['406', '407']],
    ['بروجرد', 6, ['69'], ['412', '413']],
  ]],
  ['ایلام', '84', 'west', [['ایلام', 6, ['69'], ['449', '450']]]],
  ['کردستان', '87', 'west', [['سنندج', 16, ['66'], ['372', '373']]]],
  ['سمنان', '23', 'center', [
    ['سمنان', 4, ['35'], ['456']],
    ['شاهرود', 3, ['36'], ['458', '459']],
  ]],
  ['چهارمحال و بختیاری', '38', 'center', [['شهرکرد', 9, ['88'], ['461', '462']]]],
  ['کهگیلویه و بویراحمد', '74', 'south', [['یاسوج', 7, ['75'], ['422', '423']]]],
  ['خراسان جنوبی', '56', 'east', [['بیرجند', 8, ['97'], ['064', '065']]]],
  ['خراسان شمالی', '58', 'east', [['بجنورد', 9, ['94'], ['067', '068']]]],
];

export const PROVINCES: readonly Province[] = ROWS.map(([name, areaCode, region, cityRows]) => {
  const province: Province = { name, areaCode, region, cities: [] };
  province.cities = cityRows.map(([city, weight, postal, nationalCode]) => ({
    name: city,
    province,
    postalPrefixes: postal,
    nationalCodePrefixes: nationalCode,
    weight,
  }));
  return province;
});

export const CITIES: readonly City[] = PROVINCES.flatMap((p) => p.cities);

/** Cities weighted by population, ready for Random.weighted. */
export const WEIGHTED_CITIES: readonly (readonly [City, number])[] = CITIES.map((c) => [c, c.weight] as const);

export function cityNamed(name: string): City {
  const city = CITIES.find((c) => c.name === name);
  if (!city) throw new Error(`unknown city ${name}`);
  return city;
}

// prettier-ignore
export const STREET_NAMES = [
  'ولیعصر', 'انقلاب', 'آزادی', 'شریعتی', 'مطهری', 'طالقانی', 'امام خمینی', 'فردوسی', 'حافظ', 'سعدی',
  'شهید بهشتی', 'کشاورز', 'جمهوری', 'مدرس', 'چمران', 'بهار', 'نیایش', 'پاسداران', 'میرداماد', 'ظفر',
  'گاندی', 'سهروردی', 'کارگر', 'ستارخان', 'فاطمی', 'توحید', 'باهنر', 'رسالت', 'شهید رجایی', 'مولوی',
  'کریمخان زند', 'هزار جریب', 'چهارباغ', 'امام رضا', 'احمدآباد', 'ارم', 'معلم', 'دانشگاه', 'پروین اعتصامی', 'نواب',
];

// prettier-ignore
export const ALLEY_NAMES = [
  'نسترن', 'یاس', 'لاله', 'گلستان', 'بهارستان', 'مهر', 'صبا', 'نیلوفر', 'اقاقیا', 'سرو', 'شقایق', 'ارغوان',
  'فرهنگ', 'دانش', 'امید', 'آزادگان', 'شهدا', 'بوستان', 'سپیدار', 'کاج',
];
