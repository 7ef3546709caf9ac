import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/*
 * uuid asks the operating system for 16 random bytes per id; an import batch makes hundreds of
 * ids at once, and those calls were a sixth of its time. Random bytes are drawn a few kilobytes
 * at a time instead, still from the system's secure source.
 */
const POOL_BYTES = 16 * 512;
const pool = new Uint8Array(POOL_BYTES);
let offset = POOL_BYTES;

function pooledRandom(): Uint8Array {
  if (offset === POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += 16;
  return pool.subarray(offset - 16, offset);
}

/* Ids made within one millisecond keep their order, as uuid's own state would keep it. */
let lastMsecs = -Infinity;
let seq = 0;

/** A new record id: a UUID v7, time-ordered so that the primary key index grows at its end. */
export function newId(): string {
  const random = pooledRandom();
  const now = Date.now();
  if (now > lastMsecs) {
    lastMsecs = now;
    // A random start, with room to count up: the top bit left clear.
    seq = ((random[6]! & 0x7f) << 23) | (random[7]! << 15) | (random[8]! << 7) | (random[9]! >> 1);
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMsecs++;
  }
  return uuidv7({ random, msecs: lastMsecs, seq });
}
