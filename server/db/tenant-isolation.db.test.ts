import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { createTenantFixture, type TenantFixture } from '../test/fixtures';
import { catalogLint } from './catalog-lint';
import { withTenant } from './tenant';

let db: TestDatabase;
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 2 });
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde' });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo' });
});
afterAll(() => db.destroy());

const tenantTables = ['app.municipality', 'app.unit', 'app.staff_user', 'app.staff_unit', 'app.session'] as const;

async function count(trx: Parameters<Parameters<typeof withTenant>[2]>[0], table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx);
  return result.rows[0]!.n;
}

describe('tenant isolation in the database', () => {
  it('with no tenant set, every tenant table shows 0 rows to the runtime role', async () => {
    for (const table of tenantTables) {
      const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db.app);
      expect(result.rows[0]!.n, table).toBe(0);
    }
  });

  it("tenant A's transaction sees only A's rows", async () => {
    await withTenant(db.app, { tenantId: a.tenantId }, async (trx) => {
      const tenants = await trx.selectFrom('app.unit').select('tenant_id').distinct().execute();
      expect(tenants).toEqual([{ tenant_id: a.tenantId }]);
      const users = await trx.selectFrom('app.staff_user').select('id').execute();
      expect(users.map((u) => u.id).sort()).toEqual([a.users.admin.id, a.users.bosetter.id].sort());
      expect(await count(trx, 'app.municipality')).toBe(1);
      // B's row by id: not there.
      const foreign = await trx.selectFrom('app.unit').select('id').where('id', '=', b.unitId).execute();
      expect(foreign).toEqual([]);
    });
  });

  it("tenant A cannot write rows for B, nor change or delete B's rows", async () => {
    await expect(
      withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx.insertInto('app.unit').values({ tenant_id: b.tenantId, name: 'Innbrudd', kind: 'annet', parent_id: null }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.updateTable('app.unit').set({ name: 'Kapret' }).where('id', '=', b.unitId).executeTakeFirst(),
    );
    expect(updated.numUpdatedRows).toBe(0n);
    await expect(
      withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx.updateTable('app.unit').set({ tenant_id: b.tenantId }).where('id', '=', a.unitId).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const bUnit = await withTenant(db.app, { tenantId: b.tenantId }, (trx) =>
      trx.selectFrom('app.unit').select(['name', 'tenant_id']).where('id', '=', b.unitId).executeTakeFirstOrThrow(),
    );
    expect(bUnit).toEqual({ name: 'Flyktningtjenesten', tenant_id: b.tenantId });
  });

  it("a foreign key to B's unit from A is refused like a missing row (no existence oracle)", async () => {
    const attempt = (unitId: string) =>
      withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx.insertInto('app.staff_unit').values({ tenant_id: a.tenantId, user_id: a.users.admin.id, unit_id: unitId }).execute(),
      );
    const foreign = await attempt(b.unitId).catch((e: { code?: string }) => e.code);
    const missing = await attempt('00000000-0000-4000-8000-000000000000').catch((e: { code?: string }) => e.code);
    expect(foreign).toBe('23503');
    expect(missing).toBe(foreign);
  });

  it('the same unit name may exist in two municipalities (uniqueness is per tenant)', async () => {
    const names = await Promise.all(
      [a, b].map((t) =>
        withTenant(db.app, { tenantId: t.tenantId }, (trx) =>
          trx.selectFrom('app.unit').select('name').where('id', '=', t.unitId).executeTakeFirstOrThrow(),
        ),
      ),
    );
    expect(names[0]).toEqual(names[1]);
  });

  it('the tenant setting does not outlive its transaction', async () => {
    await withTenant(db.app, { tenantId: a.tenantId }, async () => undefined);
    const result = await sql<{ t: string | null }>`select nullif(current_setting('app.tenant_id', true), '') as t`.execute(db.app);
    expect(result.rows[0]!.t).toBeNull();
  });

  it('with a pool of 2 and 1,000 interleaved A/B transactions (some rolled back), no row ever crosses', async () => {
    const tenants = [a, b];
    let crossings = 0;
    let rolledBack = 0;
    const jobs = Array.from({ length: 1000 }, (_, i) => async () => {
      const me = tenants[i % 2]!;
      const rollback = i % 7 === 3;
      try {
        await withTenant(db.app, { tenantId: me.tenantId }, async (trx) => {
          const rows = await trx.selectFrom('app.unit').select('tenant_id').execute();
          const users = await trx.selectFrom('app.staff_user').select('tenant_id').execute();
          crossings += [...rows, ...users].filter((r) => r.tenant_id !== me.tenantId).length;
          if (i % 10 === 0) {
            await trx.insertInto('app.unit').values({ tenant_id: me.tenantId, name: `Enhet ${i}`, kind: 'annet', parent_id: null }).execute();
          }
          if (rollback) throw new Error('deliberate rollback');
        });
      } catch (error) {
        if (!(error instanceof Error && error.message === 'deliberate rollback')) throw error;
        rolledBack++;
      }
      // Between transactions, on whatever connection is handed out: no context, no rows.
      if (i % 50 === 0) {
        const leaked = await sql<{ n: number }>`select count(*)::int as n from app.unit`.execute(db.app);
        crossings += leaked.rows[0]!.n;
      }
    });
    // Run with concurrency 8 against the pool of 2 so transactions interleave on shared connections.
    const queue = [...jobs];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await job();
      }),
    );
    expect(crossings).toBe(0);
    expect(rolledBack).toBeGreaterThan(100);
    // Rolled-back inserts left nothing; committed ones landed in their own tenant only.
    for (const t of tenants) {
      const units = await withTenant(db.app, { tenantId: t.tenantId }, (trx) =>
        trx.selectFrom('app.unit').select('name').where('name', 'like', 'Enhet %').execute(),
      );
      const expected = Array.from({ length: 1000 }, (_, i) => i).filter(
        (i) => i % 10 === 0 && tenants[i % 2] === t && i % 7 !== 3,
      );
      expect(units.map((u) => u.name).sort()).toEqual(expected.map((i) => `Enhet ${i}`).sort());
    }
  });

  it('the row-level-security catalog lint is clean', async () => {
    expect(await catalogLint(db.app as never)).toEqual([]);
  });

  it('the catalog lint notices a tenant table without FORCE', async () => {
    await sql`ALTER TABLE app.unit NO FORCE ROW LEVEL SECURITY`.execute(db.owner);
    try {
      expect(await catalogLint(db.app as never)).toContainEqual({ check: 'rls-enabled-and-forced', object: 'unit' });
    } finally {
      await sql`ALTER TABLE app.unit FORCE ROW LEVEL SECURITY`.execute(db.owner);
    }
  });
});
