import {
  BRAND_WORDS,
  GENERIC_INDUSTRIES,
  type Industry,
  NAME_LINKS,
  NAME_PATTERNS,
  type NamePattern,
} from './business-vocabulary.js';
import type { Random } from './random.js';

export interface CompanyName {
  /** «پرتو گستر امید», «صنایع غذایی زرین» */
  name: string;
  /** Its domain name: partowgostaromid.ir */
  domain: string;
  industry: Industry;
}

const WEIGHTED_PATTERNS = NAME_PATTERNS.map((p) => [p, p.weight] as const);

function candidate(rng: Random): Omit<CompanyName, 'domain'> & { slug: string } {
  const brand = rng.pick(BRAND_WORDS);
  const style = rng.weighted([
    ['linked', 35],
    ['pattern', 50],
    ['pair', 15],
  ] as const);
  if (style === 'linked' || style === 'pair') {
    let other = rng.pick(BRAND_WORDS);
    while (other === brand) other = rng.pick(BRAND_WORDS);
    const link = style === 'linked' ? rng.pick(NAME_LINKS) : undefined;
    return {
      name: [brand[0], link?.[0], other[0]].filter(Boolean).join(' '),
      slug: `${brand[1]}${link?.[1] ?? ''}${other[1]}`,
      industry: rng.pick(GENERIC_INDUSTRIES),
    };
  }
  const pattern: NamePattern = rng.weighted(WEIGHTED_PATTERNS);
  return pattern.before
    ? { name: `${pattern.before[0]} ${brand[0]}`, slug: `${brand[1]}${pattern.before[1]}`, industry: pattern.industry }
    : { name: `${brand[0]} ${pattern.after![0]}`, slug: `${brand[1]}${pattern.after![1]}`, industry: pattern.industry };
}

/**
 * A company name not yet in `taken` (which it joins). After many tries a repeat is allowed:
 * a large benchmark may ask for more organizations than there are names.
 */
export function companyName(rng: Random, taken: Set<string>): CompanyName {
  for (let attempt = 0; ; attempt++) {
    const { slug, ...rest } = candidate(rng);
    if (taken.has(rest.name) && attempt < 20) continue;
    taken.add(rest.name);
    const tld = rng.weighted([
      ['ir', 6],
      ['com', 3],
      ['co.ir', 1],
    ] as const);
    return { ...rest, domain: `${slug}.${tld}` };
  }
}
