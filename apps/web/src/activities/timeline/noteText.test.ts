import assert from 'node:assert/strict';
import { test } from 'node:test';
import { noteSegments } from './noteText';

const ali = { id: 'u1', name: 'علی' };
const aliRezaei = { id: 'u2', name: 'علی رضایی' };

test('web links become links without the punctuation that ends the sentence', () => {
  assert.deepEqual(noteSegments('پیش‌فاکتور: https://example.ir/q?id=1، فردا', []), [
    { kind: 'text', text: 'پیش‌فاکتور: ' },
    { kind: 'link', text: 'https://example.ir/q?id=1', href: 'https://example.ir/q?id=1' },
    { kind: 'text', text: '، فردا' },
  ]);
});

test('other schemes stay text', () => {
  assert.deepEqual(noteSegments('javascript:alert(1) data:text/html,x', []), [
    { kind: 'text', text: 'javascript:alert(1) data:text/html,x' },
  ]);
});

test('a mention takes the longest matching name of the mentioned users; other @ stay text', () => {
  assert.deepEqual(noteSegments('@علی رضایی و @علی و @حسن', [ali, aliRezaei]), [
    { kind: 'mention', text: '@علی رضایی', userId: 'u2' },
    { kind: 'text', text: ' و ' },
    { kind: 'mention', text: '@علی', userId: 'u1' },
    { kind: 'text', text: ' و @حسن' },
  ]);
});

test('line breaks are kept in the text', () => {
  assert.deepEqual(noteSegments('سطر یک\nسطر دو', []), [{ kind: 'text', text: 'سطر یک\nسطر دو' }]);
});
