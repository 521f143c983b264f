import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterKinds, letterLanguages, type LetterDto } from '../../../shared/api/letters';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { letterTemplates } from './letters.templates';
import { seedLease, seedLetterSettings } from './letters.test-support';
import { flat, readPdf } from './pdf-text.test-support';

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let staff: LoggedIn;
let reader: LoggedIn;
let lease: Awaited<ReturnType<typeof seedLease>>;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['boligkontor', 'bosetter'] });
  b = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['boligkontor'] });
  await seedLetterSettings(db.app, a.tenantId);
  lease = await seedLease(db.app, a.tenantId, { unitId: a.unitId });
  t = await createTestApp(db); // clock: 2026-11-21T09:00:00Z
  staff = await login(t.app, a.users.boligkontor.email, TEST_PASSWORD);
  reader = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

function post(session: LoggedIn, leaseId: string, payload: unknown) {
  return t.app.inject({
    method: 'POST',
    url: `/api/leases/${leaseId}/letters`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload: payload as Record<string, unknown>,
  });
}

const get = (session: LoggedIn, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });

async function letterCount(tenantId: string): Promise<number> {
  const rows = await withTenant(db.app, { tenantId }, (trx) => trx.selectFrom('app.letter').select('id').execute());
  return rows.length;
}

async function auditEntries(tenantId: string) {
  return withTenant(db.app, { tenantId }, (trx) =>
    trx
      .selectFrom('app.audit_log')
      .select(['action', 'entity', 'subject_type', 'subject_id', 'purpose', 'actor_user_id', 'fields'])
      .where('entity', '=', 'letter')
      .orderBy('seq')
      .execute(),
  );
}

const meeting = { meetingAt: '2026-12-03T10:00', meetingPlace: 'Rådhuset, møterom 2', interpreterLanguage: 'somali' };

describe('making a letter for a lease', () => {
  it.each(letterKinds.flatMap((kind) => letterLanguages.map((language) => [kind, language] as const)))(
    '%s in %s is generated, stored with its SHA-256, linked to the lease and audited',
    async (kind, language) => {
      const before = (await auditEntries(a.tenantId)).length;
      const response = await post(staff, lease.leaseId, {
        kind,
        language,
        ...(kind === 'next_steps_meeting' ? meeting : {}),
      });
      expect(response.statusCode, response.body).toBe(201);
      const letter = response.json<LetterDto>();
      expect(letter).toMatchObject({
        leaseId: lease.leaseId,
        kind,
        language,
        createdBy: { id: a.users.boligkontor.id, name: 'Test boligkontor' },
      });
      expect(response.headers.location).toBe(`/api/letters/${letter.id}.pdf`);

      // Stored and linked: the bytes in app.letter are the PDF, and their SHA-256 is the one reported.
      const row = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx
          .selectFrom('app.letter')
          .select(['lease_id', 'pdf', 'sha256'])
          .where('id', '=', letter.id)
          .executeTakeFirstOrThrow(),
      );
      expect(row.lease_id).toBe(lease.leaseId);
      expect(createHash('sha256').update(row.pdf).digest('hex')).toBe(letter.sha256);
      expect(row.sha256).toBe(letter.sha256);
      expect(letter.sizeBytes).toBe(row.pdf.length);

      const { text, info } = await readPdf(row.pdf);
      expect(text).toContain(letterTemplates[kind][language].title);
      expect(info).toMatchObject({ Title: letterTemplates[kind][language].title, Language: language });
      const body = flat(text);
      expect(body).toContain('Amina Yusuf');
      expect(body).toContain('Storgata 12 B');
      expect(body).toContain('Bodø kommune, Boligkontoret'); // letterhead from the housing settings
      expect(body).toContain('bolig@bodo.kommune.example');
      expect(body).toContain('Flyktningtjenesten'); // the unit responsible for the lease
      expect(body).toContain('21. november 2026'); // the injected clock, Oslo date
      if (kind === 'lease_end_notice') expect(body).toContain('1. mars 2027');
      else {
        expect(body).toContain('torsdag 3. desember 2026');
        expect(body).toContain('10:00');
        expect(body).toContain('Rådhuset, møterom 2');
        expect(body).toContain('somali');
      }

      const audit = await auditEntries(a.tenantId);
      expect(audit.slice(before)).toEqual([
        expect.objectContaining({
          action: 'create',
          entity: 'letter',
          subject_type: 'person',
          subject_id: lease.personId,
          purpose: 'tenancy',
          actor_user_id: a.users.boligkontor.id,
        }),
      ]);
    },
  );

  it('reads a meeting time without offset as Oslo time and stores the instant and place', async () => {
    const response = await post(staff, lease.leaseId, { kind: 'next_steps_meeting', language: 'nb', ...meeting });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      meetingAt: '2026-12-03T09:00:00.000Z',
      meetingPlace: 'Rådhuset, møterom 2',
    });
  });

  it('meets at the municipality address when no place is given, and offers an interpreter when none is booked', async () => {
    const response = await post(staff, lease.leaseId, {
      kind: 'next_steps_meeting',
      language: 'nn',
      meetingAt: '2026-12-03T09:00:00Z',
    });
    expect(response.statusCode, response.body).toBe(201);
    const letter = response.json<LetterDto>();
    expect(letter.meetingPlace).toBe('Kongens gate 23, 8006 Bodø');
    const pdf = await get(staff, letter.pdfUrl);
    const body = flat((await readPdf(pdf.rawPayload)).text);
    expect(body).toContain('Stad: Kongens gate 23, 8006 Bodø');
    expect(body).toContain('Treng du tolk');
  });

  it('states § 9-3 for a lease with that basis, and the termination date when notice was given', async () => {
    const fixed = await seedLease(db.app, a.tenantId, { legalBasis: 'hl_9_3', endDate: '2027-06-01' });
    const created = (await post(staff, fixed.leaseId, { kind: 'lease_end_notice', language: 'nb' })).json<LetterDto>();
    const text = flat((await readPdf((await get(staff, created.pdfUrl)).rawPayload)).text);
    expect(text).toContain('husleieloven § 9-3');
    expect(text).toContain('1. juni 2027');

    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx
        .updateTable('app.lease')
        .set({ terminated_on: '2027-01-01', state: 'notice_given' })
        .where('id', '=', fixed.leaseId)
        .execute(),
    );
    const noticed = (await post(staff, fixed.leaseId, { kind: 'lease_end_notice', language: 'nb' })).json<LetterDto>();
    const after = flat((await readPdf((await get(staff, noticed.pdfUrl)).rawPayload)).text);
    expect(after).toContain('Leieforholdet er sagt opp og opphører 1. januar 2027.');
    expect(after).not.toContain('§ 9-3');
  });

  it('uses "<name> kommune" and no contact lines when the municipality has no letter settings', async () => {
    const other = await seedLease(db.app, b.tenantId, { tenantName: 'Yonas Tesfay' });
    const molde = await login(t.app, b.users.boligkontor.email, TEST_PASSWORD);
    const created = await post(molde, other.leaseId, { kind: 'lease_end_notice', language: 'nn' });
    expect(created.statusCode, created.body).toBe(201);
    const text = flat((await readPdf((await get(molde, created.json<LetterDto>().pdfUrl)).rawPayload)).text);
    expect(text).toContain('Molde kommune');
    expect(text).not.toContain('Telefon:');
  });
});

describe('bad input is refused with a stable code and nothing is written', () => {
  const cases: [string, unknown, number, string, string | null][] = [
    [
      'an invitation without meetingAt',
      { kind: 'next_steps_meeting', language: 'nb' },
      400,
      'request.invalid',
      '/meetingAt',
    ],
    [
      'a meeting in the past',
      { kind: 'next_steps_meeting', language: 'nb', meetingAt: '2026-11-20T10:00' },
      400,
      'request.invalid',
      '/meetingAt',
    ],
    [
      'a malformed meeting time',
      { kind: 'next_steps_meeting', language: 'nb', meetingAt: '3. desember kl 10' },
      400,
      'request.invalid',
      '/meetingAt',
    ],
    ['an unknown kind', { kind: 'eviction', language: 'nb' }, 400, 'request.invalid', '/kind'],
    ['a language with no templates', { kind: 'lease_end_notice', language: 'en' }, 400, 'request.invalid', '/language'],
    [
      'a server-owned field',
      { kind: 'lease_end_notice', language: 'nb', sha256: 'x' },
      400,
      'request.unknown_field',
      '/sha256',
    ],
    [
      'a bidi override in the place',
      { kind: 'next_steps_meeting', language: 'nb', meetingAt: '2026-12-03T10:00', meetingPlace: 'Råd\u202Ehuset' },
      400,
      'request.invalid',
      '/meetingPlace',
    ],
  ];

  it.each(cases)('%s', async (_name, payload, status, code, pointer) => {
    const before = await letterCount(a.tenantId);
    const response = await post(staff, lease.leaseId, payload);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json().code).toBe(code);
    if (pointer) expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await letterCount(a.tenantId)).toBe(before);
  });

  it('a lease without a main tenant (no recipient) → 409 letter.not_available', async () => {
    const noTenant = await seedLease(db.app, a.tenantId, { tenantName: null });
    for (const kind of letterKinds) {
      const response = await post(staff, noTenant.leaseId, {
        kind,
        language: 'nb',
        ...(kind === 'next_steps_meeting' ? meeting : {}),
      });
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().code).toBe('letter.not_available');
    }
  });

  it('an open-ended lease has no end date → no notice (409), but the invitation can be made', async () => {
    const open = await seedLease(db.app, a.tenantId, { legalBasis: 'open_ended' });
    const notice = await post(staff, open.leaseId, { kind: 'lease_end_notice', language: 'nb' });
    expect(notice.statusCode).toBe(409);
    expect(notice.json().code).toBe('letter.not_available');
    const invitation = await post(staff, open.leaseId, { kind: 'next_steps_meeting', language: 'nb', ...meeting });
    expect(invitation.statusCode, invitation.body).toBe(201);
  });

  it('a cancelled lease gets no letters (409)', async () => {
    const cancelled = await seedLease(db.app, a.tenantId, { state: 'cancelled' });
    const response = await post(staff, cancelled.leaseId, { kind: 'lease_end_notice', language: 'nb' });
    expect(response.statusCode).toBe(409);
  });

  it('an unknown lease → 404', async () => {
    const response = await post(staff, '00000000-0000-4000-8000-000000000000', {
      kind: 'lease_end_notice',
      language: 'nb',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('resource.not_found');
  });
});

describe('another municipality', () => {
  it("cannot make, list or download letters for another municipality's lease (404, nothing written)", async () => {
    const theirs = await seedLease(db.app, b.tenantId, { tenantName: 'Other Person' });
    const molde = await login(t.app, b.users.boligkontor.email, TEST_PASSWORD);
    const made = (await post(molde, theirs.leaseId, { kind: 'lease_end_notice', language: 'nb' })).json<LetterDto>();
    const before = await letterCount(b.tenantId);

    const create = await post(staff, theirs.leaseId, { kind: 'lease_end_notice', language: 'nb' });
    expect(create.statusCode).toBe(404);
    expect((await get(staff, `/api/leases/${theirs.leaseId}/letters`)).statusCode).toBe(404);
    const download = await get(staff, made.pdfUrl);
    expect(download.statusCode).toBe(404);
    expect(download.body).not.toContain('Other Person');
    expect(await letterCount(b.tenantId)).toBe(before);
  });
});

describe('listing and downloading', () => {
  it('lists the letters of the lease newest first, with who made them, and what the user may do', async () => {
    const fresh = await seedLease(db.app, a.tenantId);
    const first = (await post(staff, fresh.leaseId, { kind: 'lease_end_notice', language: 'nb' })).json<LetterDto>();
    const second = (
      await post(staff, fresh.leaseId, { kind: 'next_steps_meeting', language: 'nn', ...meeting })
    ).json<LetterDto>();
    const list = await get(staff, `/api/leases/${fresh.leaseId}/letters`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((l: LetterDto) => l.id)).toEqual([second.id, first.id]);
    expect(list.json().items[0]).toMatchObject({
      kind: 'next_steps_meeting',
      language: 'nn',
      createdBy: { name: 'Test boligkontor' },
    });
    expect(list.json().items[0]).not.toHaveProperty('pdf');
    expect(list.json().actions).toEqual({ create: true });
    // A settlement worker reads leases but does not write them.
    const readOnly = await get(reader, `/api/leases/${fresh.leaseId}/letters`);
    expect(readOnly.statusCode).toBe(200);
    expect(readOnly.json().actions).toEqual({ create: false });
    expect(readOnly.json().items).toHaveLength(2);
  });

  it('downloads the stored bytes as an attachment with a safe file name, not cached, and audits the display', async () => {
    const created = (await post(staff, lease.leaseId, { kind: 'lease_end_notice', language: 'nb' })).json<LetterDto>();
    const before = (await auditEntries(a.tenantId)).length;
    const response = await get(reader, created.pdfUrl);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="varsel-leieperiode-${lease.reference.replace('/', '-')}.pdf"`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(createHash('sha256').update(response.rawPayload).digest('hex')).toBe(created.sha256);
    const audit = (await auditEntries(a.tenantId)).slice(before);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'display',
        entity: 'letter',
        subject_type: 'person',
        subject_id: lease.personId,
        actor_user_id: a.users.bosetter.id,
      }),
    ]);
  });

  it('an unknown letter → 404', async () => {
    const response = await get(staff, '/api/letters/00000000-0000-4000-8000-000000000000.pdf');
    expect(response.statusCode).toBe(404);
  });

  it('nothing personal reaches the logs', () => {
    const logs = t.logs.join('\n');
    expect(logs).not.toContain('Amina');
    expect(logs).not.toContain('Storgata');
  });
});
