import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { migrateDownOne, migrateTo, migrateToLatest } from '../migrate';
import { describeSchema } from '../schema-snapshot';
import { migrations } from './registry';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

describe('the migration registry', () => {
  it('has unique names in ascending order, each with up and down', () => {
    const names = migrations.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
    for (const m of migrations) {
      expect(m.name).toMatch(/^\d{4}_[a-z0-9_]+$/);
      expect(typeof m.up).toBe('function');
      expect(typeof m.down).toBe('function');
    }
  });

  it.each(migrations.map((m, i) => [i + 1, m.name] as const))(
    'applies the first %i migration(s) (up to %s) to an empty database',
    async (_count, name) => {
      db = await createTestDatabase({ migrate: false });
      const ran = await migrateTo(db.owner as never, name);
      expect(ran.at(-1)).toBe(`Up ${name}`);
    },
  );

  it("the last migration's down() restores the previous schema exactly", async () => {
    db = await createTestDatabase({ migrate: false });
    const previous = migrations.at(-2);
    await migrateTo(db.owner as never, previous ? previous.name : 'none');
    const before = await describeSchema(db.owner as never);
    await migrateToLatest(db.owner as never);
    expect(await describeSchema(db.owner as never)).not.toBe(before);
    await migrateDownOne(db.owner as never);
    expect(await describeSchema(db.owner as never)).toBe(before);
  });

  it('produces the reviewed final schema (snapshot)', async () => {
    db = await createTestDatabase();
    await expect(await describeSchema(db.owner as never)).toMatchFileSnapshot('./__snapshots__/schema.txt');
  });
});
