import assert from 'node:assert/strict';
import { test } from 'node:test';
import { neutralizeFormula } from './formula-guard.js';

test('cells that a spreadsheet would run as a formula get a leading quote', () => {
  for (const risky of ['=cmd|/C calc!A0', '+HYPERLINK("x")', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
    assert.equal(neutralizeFormula(risky), `'${risky}`);
  }
});

test('ordinary text and plain numbers are left as they are', () => {
  for (const safe of ['احمد', 'a=b', '+989121234567', '-1500', '12.5', '']) assert.equal(neutralizeFormula(safe), safe);
});
