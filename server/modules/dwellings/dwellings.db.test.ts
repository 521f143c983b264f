import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDwellingInput, DwellingDetailResponse, DwellingListResponse } from '../../../shared/api/dwellings';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../http/errors';
import { createTestApp, injectorFor, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { insertDwelling } from './dwellings.usecases';

// The housing register on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): create,
// list/filter/sort/page, status history, optimistic concurrency, tenancy and bad input (nothing
// written). The app's clock is 2026-11-21 (Europe/Oslo).

let db: TestDatabase;
let t: TestApp;
let molde: TenantFixture;
let bodo: TenantFixture;
let eiendom: LoggedIn;
let bodoEiendom: LoggedIn;

const base = (over: Partial<CreateDwellingInput> = {}): CreateDwellingInput => ({
  reference: 'B-1',
  street: 'Storgata 1',
  postnummer: '6413',
  kommunenummer: '1506',
  type: 'flat',
  rooms: 3,
  bedrooms: 2,
  capacity: 4,
  disposalForm: 'municipal',
  ...over,
});

const call = injectorFor(() => t.app);

async function countDwellings(tenantId: string): Promise<number> {
  return withTenant(db.app, { tenantId }, async (trx) =>
    Number(
      (
        await trx
          .selectFrom('app.dwelling')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  molde = await createTenantFixture(db.app, {
    kommunenummer: '1506',
    slug: 'molde',
    roles: ['admin', 'eiendom', 'miljoarbeider'],
  });
  bodo = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['eiendom'] });
  t = await createTestApp(db);
  eiendom = await login(t.app, molde.users.eiendom.email, TEST_PASSWORD);
  bodoEiendom = await login(t.app, bodo.users.eiendom.email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t?.app.close();
  await db?.destroy();
});

describe('registering a dwelling', () => {
  it('creates the dwelling with the poststed from the register and its first status event', async () => {
    const response = await call(
      eiendom,
      'POST',
      '/api/dwellings',
      base({ reference: 'C-1', rentOre: 950_000, areaM2: 64.5 }),
    );
    expect(response.statusCode).toBe(201);
    const body = response.json<DwellingDetailResponse>();
    expect(body.dwelling).toMatchObject({
      reference: 'C-1',
      poststed: 'MOLDE',
      status: 'ready',
      statusSince: '2026-11-21',
      rentOre: 950_000,
      areaM2: 64.5,
      version: 1,
    });
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({
      status: 'ready',
      validFrom: '2026-11-21',
      source: 'user',
      changedBy: 'Test eiendom',
    });
    expect(response.headers.etag).toBe('"1"');
  });

  it.each([
    ['postnummer not in the register', { postnummer: '0000' }, 'dwelling.postnummer_invalid', '/postnummer'],
    ['postnummer with letters', { postnummer: '64A3' }, 'dwelling.postnummer_invalid', '/postnummer'],
    ['unknown kommunenummer', { kommunenummer: '1599' }, 'dwelling.kommunenummer_invalid', '/kommunenummer'],
    [
      'bad bruksenhetsnummer',
      { bruksenhetsnummer: 'X0101' },
      'dwelling.bruksenhetsnummer_invalid',
      '/bruksenhetsnummer',
    ],
    ['more bedrooms than rooms', { rooms: 2, bedrooms: 3 }, 'dwelling.rooms_invalid', '/bedrooms'],
    ['a room without a parent', { type: 'shared_room' as const }, 'dwelling.parent_invalid', '/parentId'],
    ['status let by hand', { status: 'let' as const }, 'dwelling.status_invalid', '/status'],
  ])('refuses %s with 422, a pointer, and writes nothing', async (_name, over, code, pointer) => {
    const before = await countDwellings(molde.tenantId);
    const response = await call(eiendom, 'POST', '/api/dwellings', base({ reference: 'BAD-1', ...over }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code, errors: expect.arrayContaining([{ pointer, code }]) });
    expect(await countDwellings(molde.tenantId)).toBe(before);
  });

  it('refuses negative rent (400, pointer at rentOre)', async () => {
    const response = await call(eiendom, 'POST', '/api/dwellings', base({ reference: 'BAD-2', rentOre: -1 }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ pointer: '/rentOre', code: 'dwelling.rent_invalid' }]);
  });

  it("refuses another municipality's building and unit (422), and a taken reference (409)", async () => {
    const building = await call(bodoEiendom, 'POST', '/api/buildings', {
      name: 'Bodø-bygg',
      kind: 'modular',
      street: 'Sjøgata 1',
      postnummer: '8006',
      kommunenummer: '1804',
    });
    expect(building.statusCode).toBe(201);
    const buildingId = building.json().building.id as string;
    const r1 = await call(eiendom, 'POST', '/api/dwellings', base({ reference: 'BAD-3', buildingId }));
    expect(r1.statusCode).toBe(422);
    expect(r1.json().code).toBe('dwelling.building_invalid');
    const r2 = await call(
      eiendom,
      'POST',
      '/api/dwellings',
      base({ reference: 'BAD-4', disposingUnitId: bodo.unitId }),
    );
    expect(r2.json().code).toBe('dwelling.unit_invalid');
    const r3 = await call(eiendom, 'POST', '/api/dwellings', base({ reference: 'C-1' }));
    expect(r3.statusCode).toBe(409);
    expect(r3.json()).toMatchObject({ code: 'dwelling.reference_taken', errors: [{ pointer: '/reference' }] });
  });

  it('insertDwelling leaves the caller’s transaction usable after a refused row (import)', async () => {
    const ids = await withTenant(db.app, { tenantId: molde.tenantId }, async (trx) => {
      const ctx = { tenantId: molde.tenantId, userId: null, today: '2026-11-21', source: 'import' as const };
      const first = await insertDwelling(trx, ctx, base({ reference: 'IMP-1' }));
      await expect(insertDwelling(trx, ctx, base({ reference: 'IMP-1' }))).rejects.toMatchObject({
        code: 'dwelling.reference_taken',
      });
      await expect(insertDwelling(trx, ctx, base({ reference: 'IMP-2', postnummer: '9999' }))).rejects.toBeInstanceOf(
        AppError,
      );
      const second = await insertDwelling(
        trx,
        ctx,
        base({ reference: 'IMP-3', status: 'vacant', statusSince: '2026-09-01' }),
      );
      return [first.id, second.id];
    });
    const events = await withTenant(db.app, { tenantId: molde.tenantId }, (trx) =>
      trx
        .selectFrom('app.dwelling_status_event')
        .select(['dwelling_id', 'source', 'status'])
        .where('dwelling_id', 'in', ids)
        .execute(),
    );
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.source === 'import')).toBe(true);
  });

  it('creates a room of a shared dwelling as its sub-unit', async () => {
    const house = (
      await call(
        eiendom,
        'POST',
        '/api/dwellings',
        base({ reference: 'KOL-1', type: 'shared_housing', rooms: 6, bedrooms: 5 }),
      )
    ).json<DwellingDetailResponse>();
    const room = await call(
      eiendom,
      'POST',
      '/api/dwellings',
      base({
        reference: 'KOL-1/R1',
        type: 'shared_room',
        rooms: 1,
        bedrooms: 1,
        capacity: 1,
        parentId: house.dwelling.id,
      }),
    );
    expect(room.statusCode).toBe(201);
    const detail = (await call(eiendom, 'GET', `/api/dwellings/${house.dwelling.id}`)).json<DwellingDetailResponse>();
    expect(detail.subUnits.map((s) => s.reference)).toEqual(['KOL-1/R1']);
    expect(room.json<DwellingDetailResponse>().parent?.id).toBe(house.dwelling.id);
  });
});

describe('changing a dwelling', () => {
  let id: string;
  beforeAll(async () => {
    id = (await call(eiendom, 'POST', '/api/dwellings', base({ reference: 'U-1' }))).json<DwellingDetailResponse>()
      .dwelling.id;
  });

  it('updates with the right If-Match and bumps the version', async () => {
    const response = await call(
      eiendom,
      'PATCH',
      `/api/dwellings/${id}`,
      { street: 'Storgata 2', rentOre: 800_000 },
      { 'if-match': '"1"' },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json<DwellingDetailResponse>().dwelling).toMatchObject({
      street: 'Storgata 2',
      rentOre: 800_000,
      version: 2,
    });
    expect(response.headers.etag).toBe('"2"');
  });

  it('refuses a stale version (412) and a missing If-Match (428), changing nothing', async () => {
    const stale = await call(eiendom, 'PATCH', `/api/dwellings/${id}`, { street: 'Feil 1' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('resource.version_conflict');
    const missing = await call(eiendom, 'PATCH', `/api/dwellings/${id}`, { street: 'Feil 2' });
    expect(missing.statusCode).toBe(428);
    const now = (await call(eiendom, 'GET', `/api/dwellings/${id}`)).json<DwellingDetailResponse>();
    expect(now.dwelling.street).toBe('Storgata 2');
  });

  it('checks bedrooms against the stored rooms and the postnummer on update', async () => {
    const r1 = await call(eiendom, 'PATCH', `/api/dwellings/${id}`, { bedrooms: 4 }, { 'if-match': '"2"' });
    expect(r1.statusCode).toBe(422);
    expect(r1.json().code).toBe('dwelling.rooms_invalid');
    const r2 = await call(eiendom, 'PATCH', `/api/dwellings/${id}`, { postnummer: '0000' }, { 'if-match': '"2"' });
    expect(r2.json()).toMatchObject({ code: 'dwelling.postnummer_invalid', errors: [{ pointer: '/postnummer' }] });
  });

  it("answers 404 for another municipality's dwelling on read, change and status", async () => {
    expect((await call(bodoEiendom, 'GET', `/api/dwellings/${id}`)).statusCode).toBe(404);
    expect(
      (await call(bodoEiendom, 'PATCH', `/api/dwellings/${id}`, { street: 'X 1' }, { 'if-match': '"2"' })).statusCode,
    ).toBe(404);
    expect(
      (await call(bodoEiendom, 'POST', `/api/dwellings/${id}/status`, { status: 'vacant', validFrom: '2026-11-01' }))
        .statusCode,
    ).toBe(404);
  });

  it('records status changes in the history, counts vacancy days and the internal-rent figure', async () => {
    const response = await call(eiendom, 'POST', `/api/dwellings/${id}/status`, {
      status: 'vacant',
      validFrom: '2026-09-01',
      note: 'Flyttet ut',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<DwellingDetailResponse>();
    expect(body.dwelling).toMatchObject({ status: 'vacant', statusSince: '2026-09-01' });
    expect(body.history.map((h) => h.status)).toEqual(['vacant', 'ready']);
    // 1 Sep → 21 Nov = 81 days; threshold 2 months → internal rent from 1 Nov: 20 of 30 days of 8 000 kr.
    expect(body.vacancy).toEqual({
      vacantSince: '2026-09-01',
      days: 81,
      thresholdMonths: 2,
      internalRentFrom: '2026-11-01',
      internalRentAccrues: true,
      internalRentAccruedOre: 533_333,
    });
  });

  it('refuses let/notice_given by hand', async () => {
    for (const status of ['let', 'notice_given']) {
      const response = await call(eiendom, 'POST', `/api/dwellings/${id}/status`, { status, validFrom: '2026-11-01' });
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('dwelling.status_invalid');
    }
  });
});

describe('the register list', () => {
  let buildingId: string;
  beforeAll(async () => {
    buildingId = (
      await call(eiendom, 'POST', '/api/buildings', {
        name: 'Moduler Bergmo',
        kind: 'modular',
        street: 'Bergmovegen 2',
        postnummer: '6413',
        kommunenummer: '1506',
        commonHouse: true,
        commonFacilities: ['kitchen'],
      })
    ).json().building.id;
    await withTenant(db.app, { tenantId: molde.tenantId }, async (trx) => {
      const ctx = { tenantId: molde.tenantId, userId: null, today: '2026-11-21', source: 'import' as const };
      for (let i = 1; i <= 30; i++) {
        await insertDwelling(
          trx,
          ctx,
          base({
            reference: `LS-${String(i).padStart(3, '0')}`,
            street: `Listegata ${i}`,
            bedrooms: i % 4,
            rooms: (i % 4) + 1,
            areaM2: 30 + i,
            rentOre: 500_000 + i * 1000,
            type: i % 3 === 0 ? 'bedsit' : 'flat',
            earmarking: i % 2 ? 'first_settlement' : 'welfare',
            wheelchairAccessible: i % 5 === 0,
            buildingId: i <= 5 ? buildingId : null,
            disposingUnitId: i <= 10 ? molde.unitId : null,
            ...(i > 20 ? { status: 'vacant' as const, statusSince: `2026-${i > 25 ? '05' : '11'}-01` } : {}),
          }),
        );
      }
      // Leases on L-001 (ends 2027-03-31) and L-002 (ends 2028-12-31): only L-001 expires within 6 months.
      const landlord = await trx
        .insertInto('app.landlord')
        .values({ tenant_id: molde.tenantId, party_kind: 'person', name: 'Utleier' })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [ref, end] of [
        ['LS-001', '2027-04-01'],
        ['LS-002', '2029-01-01'],
      ] as const) {
        const d = await trx
          .selectFrom('app.dwelling')
          .select('id')
          .where('reference', '=', ref)
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('app.lease')
          .values({
            tenant_id: molde.tenantId,
            reference: `HL-${ref}`,
            kind: 'head',
            dwelling_id: d.id,
            landlord_id: landlord.id,
            start_date: '2024-01-01',
            end_date: end,
            legal_basis: 'hl_9_3',
            rent_ore: 900_000,
          })
          .execute();
      }
    });
  }, 60_000);

  const list = async (qs: string, session = eiendom) => {
    const response = await call(session, 'GET', `/api/dwellings?${qs}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DwellingListResponse>();
  };

  it('pages with a total count and sorts by reference by default', async () => {
    const page1 = await list('q=LS-&pageSize=10');
    expect(page1.total).toBe(30);
    expect(page1.items.map((i) => i.reference)).toEqual(
      Array.from({ length: 10 }, (_, k) => `LS-${String(k + 1).padStart(3, '0')}`),
    );
    const page3 = await list('q=LS-&pageSize=10&page=3');
    expect(page3.items[0]!.reference).toBe('LS-021');
    expect(page3.items).toHaveLength(10);
  });

  it('filters by status, type, bedrooms, area, earmarking, wheelchair and building', async () => {
    expect((await list('q=LS-&status=vacant')).total).toBe(10);
    expect((await list('q=LS-&type=bedsit')).total).toBe(10);
    expect(
      (await list('q=LS-&bedroomsMin=2&bedroomsMax=3')).items.every((i) => i.bedrooms >= 2 && i.bedrooms <= 3),
    ).toBe(true);
    expect((await list('q=LS-&areaMin=50')).items.map((i) => i.reference)[0]).toBe('LS-020');
    expect((await list('q=LS-&earmarking=welfare')).total).toBe(15);
    expect((await list('q=LS-&wheelchairAccessible=true')).total).toBe(6);
    expect((await list(`buildingId=${buildingId}`)).total).toBe(5);
    expect(
      (await list('q=LS-&status=vacant,ready&type=flat&earmarking=first_settlement')).items.every(
        (i) => i.type === 'flat' && i.earmarking === 'first_settlement',
      ),
    ).toBe(true);
  });

  it('filters vacant for more than N days and sorts by vacancy days', async () => {
    const long = await list('q=LS-&vacantMoreThanDays=60');
    expect(long.items.map((i) => i.reference)).toEqual(['LS-026', 'LS-027', 'LS-028', 'LS-029', 'LS-030']);
    expect(long.items[0]!.vacancyDays).toBe(204);
    const byVacancy = await list('q=LS-&sort=vacancyDays&dir=desc&pageSize=6');
    expect(byVacancy.items.slice(0, 5).every((i) => i.vacancyDays === 204)).toBe(true);
    expect(byVacancy.items[5]!.vacancyDays).toBe(20);
  });

  it('filters leases expiring within N months and shows the current head lease end', async () => {
    const expiring = await list('expiringWithinMonths=6');
    expect(expiring.items.map((i) => i.reference)).toEqual(['LS-001']);
    expect(expiring.items[0]).toMatchObject({
      hasHeadLease: true,
      headLeaseEnd: '2027-04-01',
      hasOccupancyLease: false,
      occupancyLeaseEnd: null,
      buildingName: 'Moduler Bergmo',
    });
    expect((await list('expiringWithinMonths=30')).total).toBe(2);
  });

  it('sorts by rent descending and by address', async () => {
    expect((await list('q=LS-&sort=rent&dir=desc&pageSize=1')).items[0]!.reference).toBe('LS-030');
    expect((await list('q=Listegata 1&sort=address')).items[0]!.street).toBe('Listegata 1');
  });

  it('shows a unit-scoped reader only the dwellings of their units', async () => {
    const miljo = await login(t.app, molde.users.miljoarbeider.email, TEST_PASSWORD);
    const scoped = await list('q=LS-&pageSize=200', miljo);
    expect(scoped.total).toBe(10);
    const other = await call(eiendom, 'GET', '/api/dwellings?q=LS-030');
    const outside = other.json<DwellingListResponse>().items[0]!.id;
    expect((await call(miljo, 'GET', `/api/dwellings/${outside}`)).statusCode).toBe(404);
  });

  it('never shows another municipality’s dwellings', async () => {
    expect((await list('q=LS-', bodoEiendom)).total).toBe(0);
  });

  it('refuses a page size over 200 and unknown filters', async () => {
    expect((await call(eiendom, 'GET', '/api/dwellings?pageSize=201')).statusCode).toBe(400);
    expect((await call(eiendom, 'GET', '/api/dwellings?colour=red')).statusCode).toBe(400);
  });
});

describe('buildings', () => {
  it('lists, updates with If-Match, and refuses deleting a building that has dwellings', async () => {
    const created = await call(eiendom, 'POST', '/api/buildings', {
      name: 'Fellesbolig',
      kind: 'shared_house',
      street: 'Kirkegata 3',
      postnummer: '6413',
      kommunenummer: '1506',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().building.id as string;
    expect(created.json().building.poststed).toBe('MOLDE');
    await call(eiendom, 'POST', '/api/dwellings', base({ reference: 'FB-1', buildingId: id }));
    const refused = await call(eiendom, 'DELETE', `/api/buildings/${id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('building.has_dwellings');
    const stale = await call(eiendom, 'PATCH', `/api/buildings/${id}`, { name: 'Nytt navn' }, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    const ok = await call(
      eiendom,
      'PATCH',
      `/api/buildings/${id}`,
      { name: 'Nytt navn', staffRooms: 1 },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().dwellings.map((d: { reference: string }) => d.reference)).toEqual(['FB-1']);
    const list = await call(eiendom, 'GET', '/api/buildings');
    expect(
      list
        .json()
        .items.some((b: { name: string; dwellingCount: number }) => b.name === 'Nytt navn' && b.dwellingCount === 1),
    ).toBe(true);
    const bad = await call(eiendom, 'POST', '/api/buildings', {
      name: 'X',
      kind: 'other',
      street: 'X 1',
      postnummer: '0000',
      kommunenummer: '1506',
    });
    expect(bad.json()).toMatchObject({ code: 'dwelling.postnummer_invalid', errors: [{ pointer: '/postnummer' }] });
    expect((await call(bodoEiendom, 'GET', `/api/buildings/${id}`)).statusCode).toBe(404);
    expect((await call(bodoEiendom, 'DELETE', `/api/buildings/${id}`)).statusCode).toBe(404);
  });

  it('deletes an empty building', async () => {
    const id = (
      await call(eiendom, 'POST', '/api/buildings', {
        name: 'Tomt',
        kind: 'other',
        street: 'Tomtegata 1',
        postnummer: '6413',
        kommunenummer: '1506',
      })
    ).json().building.id;
    expect((await call(eiendom, 'DELETE', `/api/buildings/${id}`)).statusCode).toBe(204);
    expect((await call(eiendom, 'GET', `/api/buildings/${id}`)).statusCode).toBe(404);
  });
});
