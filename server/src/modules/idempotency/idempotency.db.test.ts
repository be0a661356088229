// createOnce when two requests under one key meet: the second waits on the first's claim and then
// answers with what the first created, or, if the first rolled back, creates itself. On PostgreSQL
// the second blocks on the key's unique index; on PGlite it waits for the one connection. Either
// way it must neither create twice nor fail.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase } from '../../test/test-database.ts';
import { createOnce, findKeyedResource } from './idempotency.ts';

const handle = await createTestDatabase({ poolSize: 4, withDemo: true });
afterAll(() => handle.close());
const db = handle.db;
const userId = inject('demoIds').users.officer1 ?? '';

function signal() {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { released, release };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs A's createOnce up to its create, holds it open until `hold` is released, then ends it. */
function holdingFirst(key: string, hold: Promise<void>, outcome: 'commit' | 'rollback') {
  return db
    .transaction()
    .execute(async (trx) => {
      const result = await createOnce(
        trx,
        { scope: 'test.create', userId, key, request: { n: 1 } },
        async () => {
          await hold;
          return 'first';
        },
      );
      if (outcome === 'rollback') throw new Error('rolled back');
      return result;
    })
    .catch((error: Error) => error.message);
}

function second(key: string, request: unknown = { n: 1 }) {
  return db
    .transaction()
    .execute((trx) =>
      createOnce(trx, { scope: 'test.create', userId, key, request }, () =>
        Promise.resolve('second'),
      ),
    )
    .catch((error: Error & { code?: string }) => error.code ?? error.message);
}

describe('createOnce under one key at the same time', () => {
  it('answers the second with what the first created', async () => {
    const key = randomUUID();
    const { released, release } = signal();
    const a = holdingFirst(key, released, 'commit');
    await sleep(50);
    const b = second(key);
    await sleep(200);
    release();
    expect(await a).toEqual({ resourceId: 'first', isReplay: false });
    expect(await b).toEqual({ resourceId: 'first', isReplay: true });
  });

  it('lets the second create when the first rolled back', async () => {
    const key = randomUUID();
    const { released, release } = signal();
    const a = holdingFirst(key, released, 'rollback');
    await sleep(50);
    const b = second(key);
    await sleep(200);
    release();
    expect(await a).toBe('rolled back');
    expect(await b).toEqual({ resourceId: 'second', isReplay: false });
    const scope = { scope: 'test.create', userId, key, request: { n: 1 } };
    expect(await findKeyedResource(db, scope)).toBe('second');
  });

  it('refuses the second when it asks for something else', async () => {
    const key = randomUUID();
    const { released, release } = signal();
    const a = holdingFirst(key, released, 'commit');
    await sleep(50);
    const b = second(key, { n: 2 });
    await sleep(200);
    release();
    expect(await a).toEqual({ resourceId: 'first', isReplay: false });
    expect(await b).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
