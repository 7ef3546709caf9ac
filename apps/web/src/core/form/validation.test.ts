import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getModule } from '@peyvand/shared';
import type { FieldMeta } from '../metadata/types';
import { createFormatter } from '../../locale/format';
import { toBody } from './formValues';
import { validate } from './validation';

// The contacts declaration as the metadata API would describe it.
const fields: FieldMeta[] = getModule('contacts').fields.map((f) => ({
  ...f,
  custom: false,
  required: f.required ?? false,
  hidden: false,
  filterPath: f.name,
  operators: [],
  sortable: false,
}));
const byName = (name: string) => fields.find((f) => f.name === name)!;
const oneOf = [byName('firstName'), byName('lastName')];

test('errors carry the server’s paths and messages, with Persian digits in a Persian interface', () => {
  const errors = validate(
    fields,
    { firstName: 'احمد', phones: [{ kind: 'mobile', number: '۱۲۳' }], totalPurchases: '-۵', birthDate: null },
    'fa',
    oneOf,
  );
  assert.deepEqual(errors, {
    'phones.0.number': 'شماره تلفن نامعتبر است.',
    totalPurchases: 'کمترین مقدار مجاز ۰ است.',
  });
});

test('a contact needs a first or a last name, as the server says', () => {
  const errors = validate(fields, { firstName: '', lastName: ' ' }, 'en', oneOf);
  assert.equal(errors.firstName, 'Fill in at least one of: First name, Last name.');
});

test('any digits pass, and the body is what the API takes', () => {
  const values = {
    lastName: ' صادقی ',
    phones: [
      { kind: 'mobile', number: '۰۹۱۳ ۸۰۸ ۶۲۰۰' },
      { kind: 'work', number: '' },
    ],
    totalPurchases: '۱٬۲۰۰٬۰۰۰',
    tags: [],
    emailOptOut: false,
  };
  assert.deepEqual(validate(fields, values, 'fa', oneOf), {});
  assert.deepEqual(toBody(fields, values, 'create'), {
    lastName: 'صادقی',
    phones: [{ kind: 'mobile', number: '۰۹۱۳ ۸۰۸ ۶۲۰۰' }],
    totalPurchases: '۱٬۲۰۰٬۰۰۰',
    emailOptOut: false,
  });
  // A formatter is what turns stored numbers back into the input's text.
  assert.equal(createFormatter('fa', 'jalali').number(1_200_000), '۱٬۲۰۰٬۰۰۰');
});
