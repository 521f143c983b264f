import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../domain/calendar-date';
import { validateIdentityNumber } from '../domain/identity';
import { periodsOverlap, validateDeposit, validateSublease, type Period } from '../domain/lease-rules';
import { validateOrgnr } from '../domain/orgnr';
import { findPoststed, isPostnummer } from '../domain/postnummer';
import {
  BENCHMARK_HOUSING_DWELLINGS,
  DEMO_HOUSING_DWELLINGS,
  generateHousing,
  type GenerateHousingInput,
  type LeaseRow,
  type SyntheticHousing,
} from './housing';

const TODAY = '2025-06-01';
const input: GenerateHousingInput = {
  seed: 2026,
  kommunenummer: '1506',
  size: 'demo',
  today: TODAY,
  unitIds: ['unit-boligkontor', 'unit-flyktningtjeneste'],
  staffIds: ['staff-1', 'staff-2', 'staff-3'],
};

let demo: SyntheticHousing;
let bench: SyntheticHousing;
beforeAll(() => {
  demo = generateHousing(input);
  bench = generateHousing({ ...input, size: 'benchmark' });
});

const periodOf = (l: LeaseRow): Period => ({ start: l.start_date, end: l.terminated_on ?? l.end_date });
const holdsToday = (l: LeaseRow): boolean =>
  l.state !== 'cancelled' && l.state !== 'ended' && l.start_date <= TODAY && (periodOf(l).end ?? '9999-12-31') > TODAY;
const share = (n: number, of: number) => n / of;

describe('generateHousing', () => {
  it('is deterministic: the same input gives the same rows, another seed other rows', () => {
    expect(generateHousing(input)).toEqual(demo);
    expect(generateHousing({ ...input, seed: 2027 }).dwellings.map((d) => d.street)).not.toEqual(
      demo.dwellings.map((d) => d.street),
    );
  });

  it('gives the demo and benchmark sizes and refuses a size too small for its buildings', () => {
    expect(demo.dwellings).toHaveLength(DEMO_HOUSING_DWELLINGS);
    expect(bench.dwellings).toHaveLength(BENCHMARK_HOUSING_DWELLINGS);
    expect(() => generateHousing({ ...input, size: 10 })).toThrow(RangeError);
    expect(() => generateHousing({ ...input, kommunenummer: '9999' })).toThrow(RangeError);
    expect(() => generateHousing({ ...input, unitIds: [] })).toThrow(RangeError);
  });

  it('uses ids that are unique across every table', () => {
    for (const h of [demo, bench]) {
      const ids = [
        h.buildings,
        h.dwellings,
        h.statusEvents,
        h.landlords,
        h.incidents,
        h.persons,
        h.leases,
        h.needsAssessments,
        h.renewals,
      ].flatMap((rows) => rows.map((r) => r.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(
        true,
      );
    }
  });

  it('places every address at a postnummer of Molde, with the poststed of the register', () => {
    const addresses = [...demo.dwellings, ...demo.buildings];
    for (const a of addresses) {
      expect(a.kommunenummer).toBe('1506');
      expect(isPostnummer(a.postnummer), a.postnummer).toBe(true);
      expect(a.poststed).toBe(findPoststed(a.postnummer));
    }
    expect(new Set(addresses.map((a) => a.postnummer)).size).toBeGreaterThan(3);
  });

  it('builds a modular building with a common house, a bofellesskap whose rooms hang under the shared dwelling, and apartment blocks', () => {
    const kinds = demo.buildings.map((b) => b.kind);
    expect(kinds).toContain('modular');
    expect(kinds).toContain('shared_house');
    expect(kinds.filter((k) => k === 'apartment_block').length).toBeGreaterThanOrEqual(3);
    const modular = demo.buildings.find((b) => b.kind === 'modular')!;
    expect(modular.common_house).toBe(true);
    expect(demo.dwellings.filter((d) => d.building_id === modular.id)).toHaveLength(12);

    const byId = new Map(demo.dwellings.map((d) => [d.id, d]));
    const rooms = demo.dwellings.filter((d) => d.type === 'shared_room');
    expect(rooms.length).toBeGreaterThanOrEqual(6);
    for (const d of bench.dwellings) {
      // dwelling_room_has_parent and dwelling_bedrooms_within_rooms
      expect(d.type === 'shared_room', d.reference).toBe(d.parent_id !== null);
      expect(d.bedrooms).toBeLessThanOrEqual(d.rooms);
    }
    for (const room of rooms) {
      const parent = byId.get(room.parent_id!)!;
      expect(parent.type).toBe('shared_housing');
      expect(demo.dwellings.indexOf(parent)).toBeLessThan(demo.dwellings.indexOf(room)); // insert order
      expect(room.rent_includes).toContain('electricity');
    }
  });

  it('keeps cadastre ids and references unique', () => {
    for (const h of [demo, bench]) {
      const cadastre = h.dwellings
        .filter((d) => d.bruksenhetsnummer !== null)
        .map((d) => `${d.gnr}/${d.bnr}/${d.fnr}/${d.snr}/${d.bruksenhetsnummer}`);
      expect(new Set(cadastre).size).toBe(cadastre.length);
      expect(h.dwellings.every((d) => d.bruksenhetsnummer === null || /^H[0-9]{4}$/.test(d.bruksenhetsnummer))).toBe(
        true,
      );
      const refs = [...h.dwellings.map((d) => d.reference), ...h.leases.map((l) => l.reference)];
      expect(new Set(refs).size).toBe(refs.length);
    }
  });

  it('has a realistic mix: disposal forms, sizes, universal design and rents of NOK 6 000–16 000', () => {
    const n = bench.dwellings.length;
    const count = (f: (d: SyntheticHousing['dwellings'][number]) => boolean) => bench.dwellings.filter(f).length;
    expect(
      share(
        count((d) => d.disposal_form === 'municipal'),
        n,
      ),
    ).toBeCloseTo(0.55, 1);
    expect(
      share(
        count((d) => d.disposal_form === 'municipal_company'),
        n,
      ),
    ).toBeCloseTo(0.1, 1);
    expect(
      share(
        count((d) => d.disposal_form === 'private_sublet'),
        n,
      ),
    ).toBeCloseTo(0.3, 1);
    expect(count((d) => d.disposal_form === 'cooperative')).toBeGreaterThan(0);
    expect(count((d) => d.disposal_form === 'rent_to_own')).toBeGreaterThan(0);
    expect(
      share(
        count((d) => d.bedrooms === 1 || d.bedrooms === 2),
        n,
      ),
    ).toBeGreaterThan(0.4);
    expect(count((d) => d.bedrooms >= 4)).toBeGreaterThan(0);
    expect(
      share(
        count((d) => d.universal_design),
        n,
      ),
    ).toBeGreaterThan(0.1);
    expect(
      share(
        count((d) => d.universal_design),
        n,
      ),
    ).toBeLessThan(0.2);
    expect(
      share(
        count((d) => d.wheelchair_accessible),
        n,
      ),
    ).toBeLessThan(0.08);
    expect(bench.dwellings.every((d) => !d.wheelchair_accessible || d.universal_design)).toBe(true);
    for (const d of bench.dwellings) {
      if (d.type === 'shared_housing') expect(d.rent_ore).toBeNull();
      else {
        expect(Number.isInteger(d.rent_ore)).toBe(true);
        expect(d.rent_ore!).toBeGreaterThanOrEqual(6_000_00);
        expect(d.rent_ore!).toBeLessThanOrEqual(16_000_00);
      }
    }
  });

  it('lets most dwellings and shows every status case, with exactly one planned dwelling', () => {
    const statuses = demo.dwellings.map((d) => d.status);
    expect(share(statuses.filter((s) => s === 'let').length, statuses.length)).toBeGreaterThan(0.6);
    for (const s of ['vacant', 'notice_given', 'reserved', 'ready', 'renovation', 'awaiting_maintenance'] as const) {
      expect(statuses, s).toContain(s);
    }
    expect(statuses.filter((s) => s === 'planned')).toHaveLength(1);
    const vacantSince = demo.dwellings.filter((d) => d.status === 'vacant').map((d) => d.status_since);
    expect(vacantSince.some((since) => since < addMonths({ date: TODAY, months: -2 }))).toBe(true); // internal rent accrues
    expect(vacantSince.some((since) => since > addMonths({ date: TODAY, months: -2 }))).toBe(true);
  });

  it("records a history per dwelling that ends in the dwelling's current status", () => {
    for (const h of [demo, bench]) {
      const byDwelling = new Map<string, SyntheticHousing['statusEvents']>();
      for (const e of h.statusEvents) byDwelling.set(e.dwelling_id, [...(byDwelling.get(e.dwelling_id) ?? []), e]);
      const broken = h.dwellings.filter((d) => {
        const events = byDwelling.get(d.id) ?? [];
        const dates = events.map((e) => e.valid_from);
        const last = events.at(-1);
        return (
          events.length === 0 ||
          [...dates].sort().join() !== dates.join() ||
          new Set(dates).size !== dates.length ||
          last?.status !== d.status ||
          last.valid_from !== d.status_since ||
          d.status_since > TODAY
        );
      });
      expect(broken.map((d) => d.reference)).toEqual([]);
    }
  });

  it('never lets two leases of one layer hold a dwelling at once (lease_no_overlap)', () => {
    for (const h of [demo, bench]) {
      const groups = new Map<string, LeaseRow[]>();
      for (const l of h.leases) {
        const key = `${l.dwelling_id}:${l.kind === 'head' ? 'head' : 'occupancy'}`;
        groups.set(key, [...(groups.get(key) ?? []), l]);
      }
      for (const leases of groups.values()) {
        for (let i = 0; i < leases.length; i++) {
          for (let j = i + 1; j < leases.length; j++) {
            expect(
              periodsOverlap(periodOf(leases[i]!), periodOf(leases[j]!)),
              `${leases[i]!.reference} ${leases[j]!.reference}`,
            ).toBe(false);
          }
        }
      }
    }
  });

  it('keeps every lease within the constraints of the lease table and the rules of the lease module', () => {
    for (const h of [demo, bench]) {
      const broken: string[] = [];
      const check = (ok: boolean, rule: string, l: LeaseRow) => {
        if (!ok) broken.push(`${l.reference}: ${rule}`);
      };
      const byId = new Map(h.leases.map((l) => [l.id, l]));
      const position = new Map(h.leases.map((l, i) => [l.id, i]));
      const dwellings = new Map(h.dwellings.map((d) => [d.id, d]));
      for (const l of h.leases) {
        check(l.end_date === null || l.end_date > l.start_date, 'end after start', l);
        check(
          l.terminated_on === null ||
            (l.terminated_on > l.start_date && (l.end_date === null || l.terminated_on <= l.end_date)),
          'terminated within term',
          l,
        );
        check((l.legal_basis === 'open_ended') === (l.end_date === null), 'open-ended iff no end', l);
        if (l.legal_basis === 'hl_9_3')
          check(addMonths({ date: l.start_date, months: 36 }) <= l.end_date!, '§ 9-3 at least 3 years', l);
        check(validateDeposit({ depositOre: l.deposit_ore, monthlyRentOre: l.rent_ore }).ok, '§ 3-5 deposit', l);
        check(l.deposit_ore > 0 === (l.security_kind === 'deposit'), 'deposit iff security is a deposit', l);
        check(l.signed_on < l.start_date, 'signed before start', l);
        check(dwellings.get(l.dwelling_id)!.type !== 'shared_housing', 'not on a shared dwelling', l);
        if (l.kind === 'head') {
          check(l.landlord_id !== null && l.head_lease_id === null, 'head lease has a landlord', l);
          check(dwellings.get(l.dwelling_id)!.disposal_form === 'private_sublet', 'head lease on a sublet dwelling', l);
        } else {
          check(l.tenant_person_id !== null, 'has a tenant', l);
          check((l.kind === 'sub') === (l.head_lease_id !== null), 'sub iff head lease', l);
        }
        if (l.kind === 'sub') {
          const head = byId.get(l.head_lease_id!)!;
          check(head.kind === 'head' && head.dwelling_id === l.dwelling_id, 'head lease of the same dwelling', l);
          check(position.get(head.id)! < position.get(l.id)!, 'head lease inserted first', l);
          const within = validateSublease({
            sublease: { start: l.start_date, end: l.end_date },
            headLease: { start: head.start_date, end: head.end_date },
          });
          check(within.ok, 'sublease within head lease', l);
        }
      }
      expect(broken).toEqual([]);
    }
  });

  it('gives every sublet dwelling a current head lease of 3–5 years, and subleases only there', () => {
    for (const d of demo.dwellings) {
      const leases = demo.leases.filter((l) => l.dwelling_id === d.id);
      const heads = leases.filter((l) => l.kind === 'head');
      if (d.disposal_form === 'private_sublet') {
        expect(heads, d.reference).toHaveLength(1);
        const head = heads[0]!;
        expect(holdsToday(head)).toBe(true);
        const years = Number(head.end_date!.slice(0, 4)) - Number(head.start_date.slice(0, 4));
        expect(years).toBeGreaterThanOrEqual(3);
        expect(years).toBeLessThanOrEqual(5);
        expect(leases.filter((l) => l.kind === 'direct')).toEqual([]);
      } else {
        expect(leases.filter((l) => l.kind !== 'direct')).toEqual([]);
      }
    }
  });

  it("agrees with the dwellings' statuses: let means a lease holds it today, reserved one that starts soon", () => {
    const byDwelling = new Map<string, LeaseRow[]>();
    for (const l of bench.leases)
      if (l.kind !== 'head') byDwelling.set(l.dwelling_id, [...(byDwelling.get(l.dwelling_id) ?? []), l]);
    const roomsOf = new Map<string, SyntheticHousing['dwellings']>();
    for (const r of bench.dwellings)
      if (r.parent_id) roomsOf.set(r.parent_id, [...(roomsOf.get(r.parent_id) ?? []), r]);
    for (const d of bench.dwellings) {
      const occupancy = byDwelling.get(d.id) ?? [];
      const current = occupancy.filter(holdsToday);
      const upcoming = occupancy.filter((l) => l.state === 'active' && l.start_date > TODAY);
      if (d.type === 'shared_housing') {
        // The shared dwelling is let room by room: 'let' while any of its rooms is.
        const rooms = roomsOf.get(d.id) ?? [];
        expect(d.status === 'let').toBe(rooms.some((r) => r.status === 'let' || r.status === 'notice_given'));
        expect(occupancy).toEqual([]);
      } else if (d.status === 'let') expect(current, d.reference).toHaveLength(1);
      else if (d.status === 'notice_given') expect(current.map((l) => l.state)).toEqual(['notice_given']);
      else if (d.status === 'reserved') expect([current.length, upcoming.length]).toEqual([0, 1]);
      else expect(current.length + upcoming.length, d.reference).toBe(0);
      // No lease is left running past its end: the scheduler would end it on the first sweep.
      for (const l of occupancy) if (l.state !== 'ended') expect((periodOf(l).end ?? '9999-12-31') > TODAY).toBe(true);
    }
  });

  it('has leases ending within 1, 3 and 6 months, mostly 3-year terms, some § 11-1 and a few open-ended', () => {
    const running = demo.leases.filter((l) => l.kind !== 'head' && holdsToday(l) && l.state === 'active');
    const endingBy = (months: number) =>
      running.filter((l) => l.end_date !== null && l.end_date <= addMonths({ date: TODAY, months })).length;
    expect(endingBy(1)).toBeGreaterThanOrEqual(2);
    expect(endingBy(3)).toBeGreaterThan(endingBy(1));
    expect(endingBy(6)).toBeGreaterThan(endingBy(3));
    const heads = demo.leases.filter((l) => l.kind === 'head');
    expect(heads.some((l) => l.end_date! <= addMonths({ date: TODAY, months: 6 }))).toBe(true);
    const basis = (b: LeaseRow['legal_basis']) => running.filter((l) => l.legal_basis === b).length;
    expect(basis('hl_9_3')).toBeGreaterThan(basis('hl_11_1'));
    expect(basis('hl_11_1')).toBeGreaterThan(0);
    expect(basis('open_ended')).toBeGreaterThanOrEqual(3);
    expect(basis('open_ended')).toBeLessThan(basis('hl_9_3') / 3);
  });

  it('renews only on a needs assessment that found a continued need, before the renewal', () => {
    expect(demo.renewals.length).toBeGreaterThanOrEqual(2);
    expect(demo.needsAssessments.length).toBeGreaterThan(demo.renewals.length);
    const assessments = new Map(demo.needsAssessments.map((a) => [a.id, a]));
    for (const r of demo.renewals) {
      const a = assessments.get(r.assessment_id)!;
      const lease = demo.leases.find((l) => l.id === r.lease_id)!;
      expect(a.lease_id).toBe(r.lease_id);
      expect(a.outcome).toBe('continued_need');
      expect(a.assessed_on <= r.renewed_on).toBe(true);
      expect(r.previous_end < r.new_end).toBe(true);
      expect(lease.end_date).toBe(r.new_end);
      expect(r.renewed_on <= TODAY).toBe(true);
    }
    expect(demo.needsAssessments.every((a) => a.reasons.length > 0 && a.assessed_on <= TODAY)).toBe(true);
  });

  it('generates no needs assessments or renewals, and unsigned leases, without staff', () => {
    const unstaffed = generateHousing({ ...input, staffIds: [] });
    expect(unstaffed.needsAssessments).toEqual([]);
    expect(unstaffed.renewals).toEqual([]);
    expect(unstaffed.leases.every((l) => l.signed_by_user_id === null)).toBe(true);
  });

  it('gives landlords valid, unique organisation numbers and clearly synthetic contact details', () => {
    for (const h of [demo, bench]) {
      const companies = h.landlords.filter((l) => l.party_kind === 'company');
      expect(companies.length).toBeGreaterThan(0);
      expect(h.landlords.some((l) => l.party_kind === 'person')).toBe(true);
      for (const c of companies) expect(validateOrgnr(c.orgnr!), c.orgnr!).toEqual({ ok: true, orgnr: c.orgnr });
      expect(h.landlords.filter((l) => l.party_kind === 'person').every((l) => l.orgnr === null)).toBe(true);
      const orgnrs = companies.map((c) => c.orgnr);
      expect(new Set(orgnrs).size).toBe(orgnrs.length);
      for (const l of h.landlords) {
        expect(l.email).toMatch(/^[a-z0-9.]+@example\.no$/);
        expect(l.phone).toMatch(/^400 0[0-9] [0-9]{3}$/);
      }
    }
    const landlordIds = new Set(demo.landlords.map((l) => l.id));
    expect(demo.incidents.length).toBeGreaterThanOrEqual(3);
    expect(
      demo.incidents.every(
        (i) => landlordIds.has(i.landlord_id) && (i.resolved_on === null || i.resolved_on >= i.occurred_on),
      ),
    ).toBe(true);
  });

  it('gives tenants synthetic Tenor identity numbers (or none), unique, matching the birth date', () => {
    const numbers = bench.persons.map((p) => p.identity_number).filter((n): n is string => n !== null);
    expect(numbers.length).toBeGreaterThan(bench.persons.length * 0.8);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const p of demo.persons) {
      expect(p.full_name).toBe(p.full_name.normalize('NFC'));
      if (p.identity_number === null) continue;
      const v = validateIdentityNumber(p.identity_number, { allowSynthetic: true });
      expect(v).toMatchObject({ ok: true, synthetic: 'tenor', birthDate: p.birth_date });
    }
    // Every tenant holds exactly one lease.
    const tenants = demo.leases.map((l) => l.tenant_person_id).filter((id) => id !== null);
    expect(new Set(tenants).size).toBe(tenants.length);
  });
});
