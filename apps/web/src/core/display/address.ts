import type { Formatter } from '../../locale/format';

/** An address as stored (shared `addressSchema`). */
export interface Address {
  kind: string;
  street?: string | null;
  city?: string | null;
  province?: string | null;
  postalCode?: string | null;
  country?: string | null;
  poBox?: string | null;
  lat?: number | null;
  lng?: number | null;
}

export const ADDRESS_PARTS = ['street', 'city', 'province', 'postalCode', 'poBox', 'country'] as const;

/** «خیابان آزادی، تهران، تهران، ۱۲۳۴۵۶۷۸۹۰» in the order people write an Iranian address. */
export function formatAddress(address: Address, format: Formatter): string {
  return [address.street, address.city, address.province, address.country, address.postalCode]
    .filter((part): part is string => Boolean(part && part.trim()))
    .map((part) => format.digits(part))
    .join(format.language === 'fa' ? '، ' : ', ');
}
