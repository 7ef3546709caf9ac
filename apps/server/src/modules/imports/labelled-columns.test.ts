import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emailKindOfLabel, labelColumnIndex, phoneKindOfLabel } from './labelled-columns.js';

test('a numbered value column finds its Label column, or the older Type column', () => {
  const header = ['First Name', 'Phone 1 - Label', 'Phone 1 - Value', 'E-mail 1 - Type', 'E-mail 1 - Value'];
  assert.equal(labelColumnIndex(header, 'Phone 1 - Value'), 1);
  assert.equal(labelColumnIndex(header, 'E-mail 1 - Value'), 3);
  assert.equal(labelColumnIndex(header, 'Phone 2 - Value'), undefined);
  assert.equal(labelColumnIndex(header, 'First Name'), undefined);
});

test('phone labels, in English or Persian, starred as primary or not', () => {
  assert.equal(phoneKindOfLabel('* Mobile'), 'mobile');
  assert.equal(phoneKindOfLabel('Work Fax'), 'fax');
  assert.equal(phoneKindOfLabel('Main'), 'work');
  assert.equal(phoneKindOfLabel('منزل'), 'home');
  assert.equal(phoneKindOfLabel('همراه'), 'mobile');
  assert.equal(phoneKindOfLabel('Grandma'), 'other');
  assert.equal(phoneKindOfLabel(''), 'mobile');
  assert.equal(phoneKindOfLabel(undefined), 'mobile');
});

test('e-mail labels: work, personal, other; none is the list’s default', () => {
  assert.equal(emailKindOfLabel('* Work'), 'work');
  assert.equal(emailKindOfLabel('Home'), 'personal');
  assert.equal(emailKindOfLabel('Other'), 'other');
  assert.equal(emailKindOfLabel(''), 'work');
});
