import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptMentions, mentionQueryAt } from './mentionQuery';

test('the name typed after @ is looked up; an @ inside a word (an e-mail address) is not a mention', () => {
  assert.deepEqual(mentionQueryAt('سلام @عل', 8), { start: 5, query: 'عل' });
  assert.equal(mentionQueryAt('ali@example.ir', 14), null);
  assert.equal(mentionQueryAt('@علی\nفردا', 9), null);
});

test('a mention whose name was deleted from the text is dropped', () => {
  const users = [
    { id: 'u1', name: 'علی رضایی' },
    { id: 'u2', name: 'مریم' },
  ];
  assert.deepEqual(keptMentions('به @علی رضایی بگو', users), ['u1']);
});
