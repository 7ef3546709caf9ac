/**
 * Common Persian given names and family names with the Latin spelling Iranians use in e-mail
 * addresses. Compound family names keep their ZWNJ (حسین‌زاده), as they are written.
 */
export type Name = readonly [persian: string, latin: string];

// prettier-ignore
export const MALE_NAMES: readonly Name[] = [
  ['محمد', 'mohammad'], ['علی', 'ali'], ['حسین', 'hossein'], ['رضا', 'reza'], ['مهدی', 'mehdi'],
  ['امیر', 'amir'], ['حسن', 'hassan'], ['سعید', 'saeed'], ['مجید', 'majid'], ['احمد', 'ahmad'],
  ['محسن', 'mohsen'], ['مصطفی', 'mostafa'], ['جواد', 'javad'], ['حمید', 'hamid'], ['علیرضا', 'alireza'],
  ['امیرحسین', 'amirhossein'], ['محمدرضا', 'mohammadreza'], ['سینا', 'sina'], ['پویا', 'pouya'], ['آرش', 'arash'],
  ['بهزاد', 'behzad'], ['کامران', 'kamran'], ['فرهاد', 'farhad'], ['بابک', 'babak'], ['کاوه', 'kaveh'],
  ['داریوش', 'dariush'], ['یوسف', 'yousef'], ['اکبر', 'akbar'], ['مرتضی', 'morteza'], ['ابوالفضل', 'abolfazl'],
  ['امید', 'omid'], ['پیمان', 'peyman'], ['نیما', 'nima'], ['کیوان', 'keyvan'], ['شهرام', 'shahram'],
  ['بهرام', 'bahram'], ['ایمان', 'iman'], ['هادی', 'hadi'], ['وحید', 'vahid'], ['سجاد', 'sajjad'],
  ['یاسر', 'yaser'], ['میلاد', 'milad'], ['پارسا', 'parsa'], ['آرمان', 'arman'], ['عرفان', 'erfan'],
  ['کیان', 'kian'], ['سامان', 'saman'], ['مهران', 'mehran'], ['فرشید', 'farshid'], ['جمشید', 'jamshid'],
  ['منصور', 'mansour'], ['ناصر', 'naser'], ['کریم', 'karim'], ['یعقوب', 'yaghoub'], ['اسماعیل', 'esmaeil'],
  ['رحیم', 'rahim'], ['مسعود', 'masoud'], ['کیارش', 'kiarash'], ['شایان', 'shayan'],
];

// prettier-ignore
export const FEMALE_NAMES: readonly Name[] = [
  ['فاطمه', 'fatemeh'], ['زهرا', 'zahra'], ['مریم', 'maryam'], ['زینب', 'zeinab'], ['معصومه', 'masoumeh'],
  ['سارا', 'sara'], ['نرگس', 'narges'], ['الهام', 'elham'], ['مینا', 'mina'], ['لیلا', 'leila'],
  ['شیرین', 'shirin'], ['نازنین', 'nazanin'], ['پریسا', 'parisa'], ['سمیرا', 'samira'], ['مهسا', 'mahsa'],
  ['نگار', 'negar'], ['ساناز', 'sanaz'], ['آزاده', 'azadeh'], ['فرزانه', 'farzaneh'], ['راضیه', 'razieh'],
  ['طاهره', 'tahereh'], ['سمانه', 'samaneh'], ['الناز', 'elnaz'], ['هانیه', 'hanieh'], ['یاسمن', 'yasaman'],
  ['نیلوفر', 'niloufar'], ['آتنا', 'atena'], ['کیمیا', 'kimia'], ['ریحانه', 'reyhaneh'], ['محدثه', 'mohaddeseh'],
  ['فریبا', 'fariba'], ['شهلا', 'shahla'], ['منیژه', 'manijeh'], ['پروانه', 'parvaneh'], ['ملیکا', 'melika'],
  ['ترانه', 'taraneh'], ['هستی', 'hasti'], ['بهاره', 'bahareh'], ['رویا', 'roya'], ['مهناز', 'mahnaz'],
  ['سیمین', 'simin'], ['اعظم', 'azam'], ['ژیلا', 'zhila'], ['آیدا', 'aida'], ['نسرین', 'nasrin'],
  ['سپیده', 'sepideh'], ['گلاره', 'golareh'], ['مرضیه', 'marzieh'], ['فرناز', 'farnaz'], ['کتایون', 'katayoun'],
];

// prettier-ignore
export const FAMILY_NAMES: readonly Name[] = [
  ['محمدی', 'mohammadi'], ['حسینی', 'hosseini'], ['احمدی', 'ahmadi'], ['رضایی', 'rezaei'], ['موسوی', 'mousavi'],
  ['کریمی', 'karimi'], ['جعفری', 'jafari'], ['صادقی', 'sadeghi'], ['رحیمی', 'rahimi'], ['قاسمی', 'ghasemi'],
  ['حیدری', 'heidari'], ['کاظمی', 'kazemi'], ['نوری', 'nouri'], ['عباسی', 'abbasi'], ['صالحی', 'salehi'],
  ['اکبری', 'akbari'], ['مرادی', 'moradi'], ['ابراهیمی', 'ebrahimi'], ['یوسفی', 'yousefi'], ['کرمانی', 'kermani'],
  ['تهرانی', 'tehrani'], ['شریفی', 'sharifi'], ['نجفی', 'najafi'], ['زارعی', 'zarei'], ['امینی', 'amini'],
  ['باقری', 'bagheri'], ['سلطانی', 'soltani'], ['طاهری', 'taheri'], ['هاشمی', 'hashemi'], ['فرهادی', 'farhadi'],
  ['شجاعی', 'shojaei'], ['خسروی', 'khosravi'], ['بهرامی', 'bahrami'], ['میرزایی', 'mirzaei'], ['عزیزی', 'azizi'],
  ['قربانی', 'ghorbani'], ['اسدی', 'asadi'], ['رستمی', 'rostami'], ['سعیدی', 'saeedi'], ['جلالی', 'jalali'],
  ['ملکی', 'maleki'], ['نظری', 'nazari'], ['پورمحمدی', 'pourmohammadi'], ['حسین‌زاده', 'hosseinzadeh'], ['علی‌پور', 'alipour'],
  ['محمدپور', 'mohammadpour'], ['کریم‌زاده', 'karimzadeh'], ['رضازاده', 'rezazadeh'], ['قاسم‌پور', 'ghasempour'], ['مقدم', 'moghaddam'],
  ['طباطبایی', 'tabatabaei'], ['شیرازی', 'shirazi'], ['اصفهانی', 'esfahani'], ['تبریزی', 'tabrizi'], ['خراسانی', 'khorasani'],
  ['یزدانی', 'yazdani'], ['کیانی', 'kiani'], ['آقایی', 'aghaei'], ['دهقان', 'dehghan'], ['فراهانی', 'farahani'],
  ['نیک‌نام', 'niknam'], ['شاکری', 'shakeri'], ['زمانی', 'zamani'], ['افشار', 'afshar'], ['سبحانی', 'sobhani'],
  ['ستوده', 'sotoudeh'], ['توکلی', 'tavakoli'], ['مختاری', 'mokhtari'], ['پاکزاد', 'pakzad'], ['کامرانی', 'kamrani'],
  ['دلاوری', 'delavari'], ['رنجبر', 'ranjbar'], ['یگانه', 'yeganeh'], ['گودرزی', 'goudarzi'], ['بختیاری', 'bakhtiari'],
  ['کوهی', 'kouhi'], ['وکیلی', 'vakili'], ['فتحی', 'fathi'], ['کاشانی', 'kashani'], ['میرحسینی', 'mirhosseini'],
  ['صفایی', 'safaei'], ['انصاری', 'ansari'],
];
