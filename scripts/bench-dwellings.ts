// Benchmark of the housing register list at 10,000 dwellings (issue 4: "fast on 10,000
// dwellings"). Creates an in-memory PGlite database, migrates it, inserts 10,000 synthetic
// dwellings for one municipality (a few buildings, head or occupancy leases on ~60 %), then times
// the list use case for typical queries, side by side with the "spreadsheet" reference: fetch
// every row and filter/sort in memory. Prints p50/p95 in ms. Run: npm run bench:dwellings
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { DwellingListQuery } from '../shared/api/dwellings';
import { addDays, addMonths } from '../shared/domain/calendar-date';
import { createDatabase } from '../server/db/db';
import { migrateToLatest } from '../server/db/migrate';
import { withTenant } from '../server/db/tenant';
import type { Actor } from '../server/modules/auth/actor';
import { osloToday } from '../shared/domain/calendar-date';
import { listDwellings } from '../server/modules/dwellings/dwellings.usecases';
import { createMunicipality } from '../server/modules/municipalities/municipalities.usecases';

const N = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
// The reference fetches 10,000 rows per run (over a second on PGlite), so fewer runs keep the
// whole benchmark near a minute; its spread is small compared with the difference measured.
const REF_RUNS = Number(process.env.BENCH_REF_RUNS ?? 5);
const NOW = new Date('2026-11-21T09:00:00Z');
const TODAY = osloToday(NOW);

const types = ['flat', 'bedsit', 'house', 'modular_unit'] as const;
const statuses = ['ready', 'let', 'let', 'let', 'vacant', 'reserved', 'renovation', 'notice_given'] as const;
const earmarks = ['first_settlement', 'welfare', 'care', 'none'] as const;
const disposals = ['municipal', 'municipal_company', 'private_sublet', 'cooperative', 'rent_to_own'] as const;

// Deterministic pseudo-random numbers, so every run measures the same data.
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(fn: () => Promise<unknown>, runs = RUNS, warmUp = true): Promise<{ p50: number; p95: number }> {
  if (warmUp) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((x, y) => x - y);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main() {
  const setupStart = performance.now();
  const db = await createDatabase({ kind: 'pglite', dataDir: 'memory' });
  await migrateToLatest(db.owner as never);
  const { tenantId } = await createMunicipality({ db: db.app, input: { kommunenummer: '1506', language: 'nb' } });
  const actor: Actor = {
    tenantId,
    userId: '00000000-0000-4000-8000-000000000000',
    roles: ['eiendom'],
    unitIds: [],
    activeUnitId: null,
    sessionId: 'bench',
    csrfToken: 'bench',
  };

  await withTenant(db.app, { tenantId }, async (trx) => {
    const buildings: string[] = [];
    for (let b = 0; b < 20; b++) {
      const row = await trx
        .insertInto('app.building')
        .values({
          tenant_id: tenantId,
          name: `Bygg ${b}`,
          kind: 'modular',
          street: `Byggvegen ${b}`,
          postnummer: '6413',
          kommunenummer: '1506',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      buildings.push(row.id);
    }
    const landlord = await trx
      .insertInto('app.landlord')
      .values({ tenant_id: tenantId, party_kind: 'person', name: 'Utleier' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let start = 0; start < N; start += 1000) {
      const rows = Array.from({ length: 1000 }, (_, k) => {
        const i = start + k;
        const rooms = 1 + Math.floor(rnd() * 6);
        return {
          tenant_id: tenantId,
          reference: `D-${String(i).padStart(5, '0')}`,
          building_id: rnd() < 0.2 ? pick(buildings) : null,
          street: `${pick(['Storgata', 'Kirkegata', 'Fjordvegen', 'Bergmovegen', 'Skolegata'])} ${1 + Math.floor(rnd() * 120)}`,
          postnummer: '6413',
          poststed: 'MOLDE',
          kommunenummer: '1506',
          type: pick(types),
          rooms,
          bedrooms: Math.max(0, rooms - 1),
          area_m2: 20 + Math.floor(rnd() * 120),
          capacity: rooms + 1,
          floor: Math.floor(rnd() * 6),
          wheelchair_accessible: rnd() < 0.1,
          step_free_entrance: rnd() < 0.2,
          school_district: pick(['Kvam', 'Sellanrå', 'Langmyra', 'Bergmo']),
          disposal_form: pick(disposals),
          earmarking: pick(earmarks),
          rent_ore: 500_000 + Math.floor(rnd() * 1_000_000),
          status: pick(statuses),
          status_since: addDays({ date: TODAY, days: -Math.floor(rnd() * 700) }),
        };
      });
      await trx.insertInto('app.dwelling').values(rows).execute();
    }
    // Leases on ~60 %: occupancy leases for let/notice_given, head leases on private sublets.
    const dwellings = await trx.selectFrom('app.dwelling').select(['id', 'status', 'disposal_form']).execute();
    let n = 0;
    const leases: Record<string, unknown>[] = [];
    for (const d of dwellings) {
      const occupied = d.status === 'let' || d.status === 'notice_given';
      const sublet = d.disposal_form === 'private_sublet';
      if (!occupied && !sublet && rnd() > 0.1) continue;
      const start = addDays({ date: TODAY, days: -Math.floor(rnd() * 1000) });
      const end = addMonths({ date: TODAY, months: 1 + Math.floor(rnd() * 36) });
      const head = sublet || !occupied;
      leases.push({
        tenant_id: tenantId,
        reference: `L-${n++}`,
        kind: head ? 'head' : 'direct',
        dwelling_id: d.id,
        landlord_id: head ? landlord.id : null,
        start_date: start,
        end_date: end,
        legal_basis: 'hl_11_1',
        rent_ore: 800_000,
      });
    }
    for (let i = 0; i < leases.length; i += 1000)
      await trx
        .insertInto('app.lease')
        .values(leases.slice(i, i + 1000) as never)
        .execute();
    await sql`ANALYZE`.execute(trx);
    console.log(
      `Set-up: ${N} dwellings, ${leases.length} leases (${Math.round((100 * leases.length) / N)} %), in ${Math.round(performance.now() - setupStart)} ms`,
    );
  });

  const deps = { db: db.app, clock: () => NOW };
  const cases: { name: string; query: DwellingListQuery; reference: (rows: RefRow[]) => RefRow[] }[] = [
    { name: 'no filter, page 1', query: {}, reference: (rows) => rows.sort(by((r) => r.reference)).slice(0, 50) },
    {
      name: 'status vacant+ready, ≥2 bedrooms',
      query: { status: ['vacant', 'ready'], bedroomsMin: 2 },
      reference: (rows) =>
        rows
          .filter((r) => ['vacant', 'ready'].includes(r.status) && r.bedrooms >= 2)
          .sort(by((r) => r.reference))
          .slice(0, 50),
    },
    {
      name: 'first settlement, wheelchair, flat',
      query: { earmarking: ['first_settlement'], wheelchairAccessible: true, type: ['flat'] },
      reference: (rows) =>
        rows
          .filter((r) => r.earmarking === 'first_settlement' && r.wheelchair_accessible && r.type === 'flat')
          .sort(by((r) => r.reference))
          .slice(0, 50),
    },
    {
      name: 'free text "Fjordvegen 1"',
      query: { q: 'Fjordvegen 1' },
      reference: (rows) =>
        rows
          .filter((r) => r.street.includes('Fjordvegen 1') || r.reference.includes('Fjordvegen 1'))
          .sort(by((r) => r.reference))
          .slice(0, 50),
    },
    {
      name: 'expiring within 6 months',
      query: { expiringWithinMonths: 6 },
      reference: (rows) => {
        const until = addMonths({ date: TODAY, months: 6 });
        return rows
          .filter((r) => r.lease_ends.some((e) => e !== null && e >= TODAY && e <= until))
          .sort(by((r) => r.reference))
          .slice(0, 50);
      },
    },
    {
      name: 'sort by vacancy days desc',
      query: { sort: 'vacancyDays', dir: 'desc' },
      reference: (rows) =>
        rows
          .map((r) => ({ ...r, v: r.status === 'vacant' ? Date.parse(TODAY) - Date.parse(r.status_since) : -1 }))
          .sort((x, y) => y.v - x.v || (x.reference < y.reference ? 1 : -1))
          .slice(0, 50),
    },
    {
      name: 'page 150 of 200 (offset 7,450)',
      query: { page: 150 },
      reference: (rows) => rows.sort(by((r) => r.reference)).slice(7450, 7500),
    },
  ];

  type RefRow = {
    reference: string;
    street: string;
    status: string;
    status_since: string;
    bedrooms: number;
    earmarking: string;
    wheelchair_accessible: boolean;
    type: string;
    lease_ends: (string | null)[];
  };
  function by<T>(key: (r: T) => string) {
    return (x: T, y: T) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0);
  }
  // The "spreadsheet": every dwelling with its leases, fetched in full, filtered in memory.
  const fetchAll = () =>
    withTenant(db.app, { tenantId }, async (trx) => {
      // The columns the list shows (what a spreadsheet holds), for every dwelling.
      const rows = await trx
        .selectFrom('app.dwelling')
        .select([
          'id',
          'reference',
          'street',
          'postnummer',
          'type',
          'rooms',
          'bedrooms',
          'area_m2',
          'capacity',
          'floor',
          'status',
          'status_since',
          'earmarking',
          'disposal_form',
          'rent_ore',
          'wheelchair_accessible',
          'building_id',
          'school_district',
        ])
        .execute();
      const leases = await trx
        .selectFrom('app.lease')
        .select(['dwelling_id', sql<string | null>`coalesce(terminated_on, end_date)`.as('end')])
        .where('state', 'in', ['active', 'notice_given'])
        .execute();
      const ends = new Map<string, (string | null)[]>();
      for (const l of leases) ends.set(l.dwelling_id, [...(ends.get(l.dwelling_id) ?? []), l.end]);
      return rows.map((r) => ({ ...r, lease_ends: ends.get(r.id) ?? [] })) as unknown as RefRow[];
    });

  const results: {
    name: string;
    total: number;
    api: { p50: number; p95: number };
    ref: { p50: number; p95: number };
  }[] = [];
  for (const c of cases) {
    const first = await listDwellings(actor, { ...deps, query: c.query });
    const api = await time(() => listDwellings(actor, { ...deps, query: c.query }));
    const ref = await time(async () => c.reference(await fetchAll()), REF_RUNS, false);
    results.push({ name: c.name, total: first.total, api, ref });
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (v: number) => v.toFixed(1).padStart(8);
  console.log(
    `\nList of ${N} dwellings (ms; PGlite in memory; API ${RUNS} runs after a warm-up, reference ${REF_RUNS} runs)`,
  );
  console.log(
    `${pad('query', 38)} ${'rows'.padStart(6)} ${'API p50'.padStart(8)} ${'API p95'.padStart(8)} ${'ref p50'.padStart(8)} ${'ref p95'.padStart(8)}`,
  );
  for (const r of results) {
    console.log(
      `${pad(r.name, 38)} ${String(r.total).padStart(6)} ${num(r.api.p50)} ${num(r.api.p95)} ${num(r.ref.p50)} ${num(r.ref.p95)}`,
    );
  }
  console.log(
    '\nAPI = GET /api/dwellings use case (filter, sort and page in SQL, count, current leases for the page).',
  );
  console.log('ref = the spreadsheet way: fetch all dwellings and leases, filter and sort in memory.');
  await db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
