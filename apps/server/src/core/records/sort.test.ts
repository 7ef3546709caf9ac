import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getModule } from '@peyvand/shared';
import { ProblemError } from '../http/problem.js';
import { effectiveModule } from '../metadata/effective-module.js';
import { DEFAULT_SORT, compileSort } from './sort.js';

const contacts = getModule('contacts');
const organizations = getModule('organizations');

const contactModule = effectiveModule(contacts);
const orgModule = effectiveModule(organizations);

function assertBadSort(fn: () => unknown) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ProblemError, String(error));
    assert.equal(error.status, 400);
    assert.equal(error.issues[0]?.field, 'sort');
    return true;
  });
}

describe('compileSort', () => {
  test('without a sort, newest first with the id as tie-breaker', () => {
    const sort = compileSort(contactModule, undefined);
    assert.equal(sort.signature, DEFAULT_SORT);
    assert.equal(sort.signature, '-createdAt');
    assert.equal(sort.keys.length, 1);
    assert.equal(sort.keys[0]!.direction, 'desc');
    assert.equal(sort.tieBreaker.direction, 'desc');
    assert.equal(compileSort(contactModule, '').signature, '-createdAt');
  });

  test('several keys keep their directions; the id follows the last key', () => {
    const sort = compileSort(contactModule, 'lastName,-number');
    assert.equal(sort.signature, 'lastName,-number');
    assert.deepEqual(
      sort.keys.map((k) => k.direction),
      ['asc', 'desc'],
    );
    assert.equal(sort.tieBreaker.direction, 'desc');
    assert.equal(compileSort(contactModule, ' lastName , firstName ').signature, 'lastName,firstName');
  });

  test('an explicit id key sets the tie-breaker and is not a key of its own', () => {
    const sort = compileSort(contactModule, 'lastName,-id');
    assert.equal(sort.keys.length, 1);
    assert.equal(sort.tieBreaker.direction, 'desc');
    assert.equal(sort.signature, 'lastName,-id');
    const idOnly = compileSort(contactModule, 'id');
    assert.equal(idOnly.keys.length, 0);
    assert.equal(idOnly.tieBreaker.direction, 'asc');
  });

  test('system, standard and sortable fields of any module are accepted', () => {
    for (const field of [
      'createdAt',
      'updatedAt',
      'number',
      'version',
      'ownerId',
      'birthDate',
      'emailOptOut',
      'leadSource',
      'totalPurchases',
    ]) {
      assert.equal(compileSort(contactModule, `-${field}`).keys.length, 1, field);
    }
    assert.equal(compileSort(orgModule, '-annualRevenue').keys[0]!.direction, 'desc');
  });

  test('unknown, unsortable, write-only or too many keys are 400 on sort', () => {
    for (const sort of [
      'shoeSize',
      'phones',
      'addresses',
      'tags',
      'emails',
      'addresses.city',
      'custom.region',
      'lastName.x',
      '-',
      'a,b,c,d,e',
      'lastName,firstName,title,number,createdAt',
    ]) {
      assertBadSort(() => compileSort(contactModule, sort));
    }
    assertBadSort(() => compileSort(orgModule, 'billingAddress'));
  });

  test('a custom field sorts once it exists', () => {
    const withCustom = effectiveModule({
      ...contacts,
      fields: [
        ...contacts.fields,
        { name: 'score', type: 'number', label: { fa: 'امتیاز', en: 'Score' }, custom: true },
      ],
    });
    assert.equal(compileSort(withCustom, '-custom.score').signature, '-custom.score');
    assertBadSort(() => compileSort(contactModule, '-custom.score'));
  });
});
