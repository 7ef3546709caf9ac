import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { ProblemError } from '../../core/http/problem.js';
import { csvRecords } from './csv-records.js';

const read = (text: string, delimiter = ',', window?: number) => [...csvRecords(text, delimiter, window)];

/** What a spreadsheet puts in a cell: quotes, delimiters, line breaks (a lone \r it never writes), Persian, spaces. */
const cell = fc
  .array(fc.constantFrom('a', 'b', ' ', 'ی', ',', ';', '\t', '"', '\n', '\r\n'), { maxLength: 8 })
  .map((tokens) => tokens.join(''));

test('what a CSV writer wrote reads back cell for cell, however small the windows', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
      fc.constantFrom(',', ';', '\t'),
      fc.constantFrom('\n', '\r\n'),
      fc.integer({ min: 1, max: 40 }),
      (rows, delimiter, lineBreak, window) => {
        // Quoted as a spreadsheet quotes: any cell with a line break, whichever the records end with.
        const record_delimiter = lineBreak === '\n' ? 'unix' : 'windows';
        const text = stringify(rows, { delimiter, record_delimiter, quoted_match: /[\r\n]/ });
        assert.deepEqual(read(text, delimiter, window), rows);
      },
    ),
  );
});

test('a quoted cell holding line breaks and delimiters is one cell, wherever a window cuts it', () => {
  const text = 'نام,یادداشت\r\nعلی,"خط اول،\r\nخط دوم, با ""نقل‌قول"""\r\nرضا,ساده\r\n';
  for (const window of [3, 7, 16, 1 << 16]) {
    assert.deepEqual(read(text, ',', window), [
      ['نام', 'یادداشت'],
      ['علی', 'خط اول،\r\nخط دوم, با "نقل‌قول"'],
      ['رضا', 'ساده'],
    ]);
  }
});

test('a cell longer than a window is read whole', () => {
  const long = 'ب'.repeat(500);
  assert.deepEqual(read(`a,"${long}\n${long}"\nb,c`, ',', 8), [
    ['a', `${long}\n${long}`],
    ['b', 'c'],
  ]);
});

test('a quote inside an unquoted cell is text, as old exports write inches', () => {
  assert.deepEqual(read('model,size\nTV 5" wide,42"\n'), [
    ['model', 'size'],
    ['TV 5" wide', '42"'],
  ]);
});

test('blank lines are records; a final line break adds none, its absence loses none', () => {
  assert.deepEqual(read('a\n\nb\n'), [['a'], [''], ['b']]);
  assert.deepEqual(read('a\n\nb'), [['a'], [''], ['b']]);
  assert.deepEqual(read('a\r\nb\r\n', ',', 2), [['a'], ['b']]);
});

test('a quoted cell left open, or closed and followed by text, refuses the file at its row', () => {
  const refusedAt = (text: string, window?: number) => {
    try {
      read(text, ',', window);
    } catch (error) {
      assert.ok(error instanceof ProblemError);
      assert.equal(error.status, 400);
      const [issue] = error.issues;
      assert.equal(issue?.field, 'file');
      assert.equal(issue?.code, 'quote_not_closed');
      assert.match(error.message, new RegExp(`^Row ${issue?.params?.row}: a quoted cell`));
      return issue?.params?.row;
    }
    return 'read';
  };
  for (const window of [4, 1 << 16]) {
    assert.equal(refusedAt('a,b\n1,2\n"3,4\n5,6\n', window), 3, 'left open: rows 3 and 4 would become one cell');
    assert.equal(refusedAt('a,b\n"1"x,2\n3,4\n', window), 2);
  }
});
