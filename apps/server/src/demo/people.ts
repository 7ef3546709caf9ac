import { EMAIL_DOMAINS } from './business-vocabulary.js';
import { ALLEY_NAMES, type City, STREET_NAMES, WEIGHTED_CITIES } from './iran-geography.js';
import { postalCode, typedDigits } from './iranian-identifiers.js';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, type Name } from './persian-names.js';
import type { Random } from './random.js';

export interface Person {
  sex: 'male' | 'female';
  first: Name;
  last: Name;
  /** Where they live; their national code was issued there. */
  city: City;
}

export function randomPerson(rng: Random, city: City = rng.weighted(WEIGHTED_CITIES)): Person {
  const sex = rng.chance(0.56) ? 'male' : 'female';
  return { sex, first: rng.pick(sex === 'male' ? MALE_NAMES : FEMALE_NAMES), last: rng.pick(FAMILY_NAMES), city };
}

/** Text as typed on an Arabic keyboard layout: Arabic yeh and kaf for the Persian letters. */
export function withArabicLetters(text: string): string {
  return text.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
}

/** A name as stored: now and then typed with Arabic letters, as happens with old keyboards. */
export function typedName(rng: Random, name: string): string {
  return rng.chance(0.03) ? withArabicLetters(name) : name;
}

export function personalEmail(rng: Random, person: Person): string {
  const first = person.first[1];
  const last = person.last[1];
  const local = rng.weighted([
    [`${first}.${last}`, 4],
    [`${first}${last}`, 2],
    [`${first}_${last}${rng.int(50, 99)}`, 2],
    [`${first[0]}.${last}`, 2],
    [`${last}${rng.int(1, 9999)}`, 2],
  ] as const);
  return `${local}@${rng.weighted(EMAIL_DOMAINS)}`;
}

export function workEmail(rng: Random, person: Person, domain: string): string {
  const local = rng.weighted([
    [`${person.first[1][0]}.${person.last[1]}`, 3],
    [`${person.last[1]}`, 2],
    [`${person.first[1]}`, 1],
  ] as const);
  return `${local}@${domain}`;
}

/** «خیابان شریعتی، کوچه نسترن، پلاک ۱۲، واحد ۳» */
export function street(rng: Random): string {
  const parts = [
    `${rng.weighted([
      ['خیابان', 6],
      ['بلوار', 3],
      ['میدان', 1],
    ] as const)} ${rng.pick(STREET_NAMES)}`,
  ];
  if (rng.chance(0.7)) parts.push(`کوچه ${rng.chance(0.6) ? rng.pick(ALLEY_NAMES) : rng.int(1, 40)}`);
  parts.push(`پلاک ${rng.int(1, 250)}`);
  if (rng.chance(0.5)) parts.push(`واحد ${rng.int(1, 24)}`);
  return typedDigits(rng, parts.join('، '), 0.5);
}

/** A postal code typed as 10 digits or as «81746-73441». */
export function typedPostalCode(rng: Random, city: City): string {
  const code = postalCode(rng, city);
  return typedDigits(rng, rng.chance(0.3) ? `${code.slice(0, 5)}-${code.slice(5)}` : code);
}

export function address(rng: Random, city: City, kind: string): Record<string, unknown> {
  return {
    kind,
    street: street(rng),
    city: city.name,
    province: city.province.name,
    ...(rng.chance(0.8) ? { postalCode: typedPostalCode(rng, city) } : {}),
    country: 'ایران',
  };
}
