import { beforeAll, describe, expect, it } from 'vitest';
import { flat, readPdf } from '../letters/pdf-text.test-support';
import { actualTexts, readPdfItems } from '../contact-card/contact-card.test-support';
import { contactCardTranslations } from '../contact-card/contact-card.translations';
import { staffRoles } from '../../../shared/domain/roles';
import { withTenant } from '../../db/tenant';
import { describeAuthzMatrix, onBoth, pick, roleMay, useAuthzFixture } from '../../test/authz';
import { injectorFor } from '../../test/app';
import { insertHousehold } from '../checklist/checklist.test-support';

// A household's named contacts and its "who to contact" card (issue 5 item 7): replace with
// If-Match, staff defaults, phone-or-e-mail, nothing written on bad input, the card in Arabic,
// and who may do what.

const fixture = useAuthzFixture();
const call = injectorFor(() => fixture.t.app);
let own: { id: string; reference: string };
let other: { id: string };

beforeAll(async () => {
  own = await insertHousehold(fixture.db.app, { tenantId: fixture.a.tenantId, unitId: fixture.a.unitId });
  other = await insertHousehold(fixture.db.app, { tenantId: fixture.b.tenantId, unitId: fixture.b.unitId });
  await withTenant(fixture.db.app, { tenantId: fixture.a.tenantId }, (trx) =>
    trx
      .insertInto('app.settlement_settings')
      .values({ tenant_id: fixture.a.tenantId, emergency_phone: '900 00 000' })
      .execute(),
  );
}, 60_000);

const contactsUrl = (id: string) => `/api/households/${id}/contacts`;
const cardUrl = (id: string, language = 'ar') => `/api/households/${id}/contact-card.pdf?language=${language}`;

async function etagOf(id: string) {
  const response = await call(fixture.sessions.bosetter, 'GET', contactsUrl(id));
  expect(response.statusCode, response.body).toBe(200);
  return String(response.headers.etag);
}

function putAs(role: keyof typeof fixture.sessions, id: string, payload: unknown, etag?: string) {
  const session = fixture.sessions[role];
  return fixture.t.app.inject({
    method: 'PUT',
    url: contactsUrl(id),
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(etag ? { 'if-match': etag } : {}) },
    payload: payload as object,
  });
}

const contacts = [
  {
    role: 'settlement_worker',
    staffUserId: '', // set in the test
    name: 'Amina Hassan',
    phone: '+47 412 34 567',
    availability: 'man–fre 08.00–15.30',
  },
  { role: 'nav_adviser', name: 'Ola Nordmann', email: 'ola.nordmann@nav.example' },
  { role: 'landlord', name: 'Molde Boligstiftelse', phone: '٧١ ٢٢ ٣٣ ٤٤' },
  { role: 'guardian', name: 'أحمد الصايد', phone: '400 00 001', email: 'verge@example.no' },
];

async function auditCount(action: string, entity: string) {
  return withTenant(fixture.db.app, { tenantId: fixture.a.tenantId }, async (trx) =>
    Number(
      (
        await trx
          .selectFrom('app.audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', action as never)
          .where('entity', '=', entity)
          .where('subject_id', '=', own.id)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
}

describe('household contacts', () => {
  it('replaces the contacts, fills in a staff member’s e-mail, stores phones in Latin digits and bumps the version', async () => {
    const etag = await etagOf(own.id);
    const audited = await auditCount('update', 'household_contact');
    const payload = {
      contacts: contacts.map((c, i) => (i === 0 ? { ...c, staffUserId: fixture.a.users.bosetter.id } : c)),
    };
    const response = await putAs('bosetter', own.id, payload, etag);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.version).toBe(Number(etag.replaceAll('"', '')) + 1);
    expect(response.headers.etag).toBe(`"${body.version}"`);
    expect(
      body.contacts.map((c: { role: string; phone: string; email: string; sortOrder: number }) => [
        c.role,
        c.phone,
        c.email,
        c.sortOrder,
      ]),
    ).toEqual([
      ['settlement_worker', '+47 412 34 567', fixture.a.users.bosetter.email, 0],
      ['nav_adviser', '', 'ola.nordmann@nav.example', 1],
      ['landlord', '71 22 33 44', '', 2],
      ['guardian', '400 00 001', 'verge@example.no', 3],
    ]);
    expect(await auditCount('update', 'household_contact')).toBe(audited + 1);

    const read = await call(fixture.sessions.nav_veileder, 'GET', contactsUrl(own.id));
    expect(read.statusCode).toBe(200);
    expect(read.json().contacts).toHaveLength(4);
    expect(read.headers.etag).toBe(`"${body.version}"`);
    expect(await auditCount('display', 'household_contact')).toBeGreaterThan(0);

    // The old version is stale now.
    expect((await putAs('bosetter', own.id, { contacts: [] }, etag)).statusCode).toBe(412);
    expect((await putAs('bosetter', own.id, { contacts: [] })).statusCode).toBe(428);
  });

  it('refuses a contact with neither phone nor e-mail (contact.unreachable at its phone) and writes nothing', async () => {
    const etag = await etagOf(own.id);
    const before = (await call(fixture.sessions.bosetter, 'GET', contactsUrl(own.id))).json();
    const response = await putAs(
      'bosetter',
      own.id,
      {
        contacts: [
          { role: 'landlord', name: 'Utleier', phone: '22 33 44 55' },
          { role: 'on_site_staff', name: 'Miljøarbeider uten nummer' },
          { role: 'other', name: 'Tom', phone: '  ', email: '' },
        ],
      },
      etag,
    );
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'contact.unreachable',
      errors: [
        { pointer: '/contacts/1/phone', code: 'contact.unreachable' },
        { pointer: '/contacts/2/phone', code: 'contact.unreachable' },
      ],
    });
    const after = (await call(fixture.sessions.bosetter, 'GET', contactsUrl(own.id))).json();
    expect(after).toEqual(before);
  });

  it('refuses a phone that is not a phone number, an unknown staff member and a bad e-mail', async () => {
    const etag = await etagOf(own.id);
    const bad = await putAs(
      'bosetter',
      own.id,
      {
        contacts: [
          { role: 'landlord', name: 'Utleier', phone: 'ring meg' },
          {
            role: 'settlement_worker',
            name: 'X',
            staffUserId: '00000000-0000-4000-8000-000000000000',
            phone: '22 33 44 55',
          },
        ],
      },
      etag,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'request.invalid',
      errors: [
        { pointer: '/contacts/0/phone', code: 'invalid_format' },
        { pointer: '/contacts/1/staffUserId', code: 'invalid_value' },
      ],
    });
    const email = await putAs(
      'bosetter',
      own.id,
      { contacts: [{ role: 'landlord', name: 'U', email: 'ikke-epost' }] },
      etag,
    );
    expect(email.statusCode).toBe(400);
    expect(await etagOf(own.id)).toBe(etag);
  });
});

describe('unit scope', () => {
  it("an on-site worker reaches the households of their units only; another unit's is not found", async () => {
    const otherUnit = await withTenant(fixture.db.app, { tenantId: fixture.a.tenantId }, (trx) =>
      trx
        .insertInto('app.unit')
        .values({ tenant_id: fixture.a.tenantId, name: 'Bydel Øst', kind: 'bydel', parent_id: null })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    const elsewhere = await insertHousehold(fixture.db.app, { tenantId: fixture.a.tenantId, unitId: otherUnit.id });
    expect((await call(fixture.sessions.miljoarbeider, 'GET', contactsUrl(own.id))).statusCode).toBe(200);
    for (const url of [contactsUrl(elsewhere.id), cardUrl(elsewhere.id, 'nb')]) {
      const response = await call(fixture.sessions.miljoarbeider, 'GET', url);
      expect(response.statusCode, url).toBe(404);
    }
    expect((await call(fixture.sessions.nav_veileder, 'GET', contactsUrl(elsewhere.id))).statusCode).toBe(200);
  });
});

describe('the contact card', () => {
  it('is a PDF in bokmål and Arabic, text extractable, Arabic laid out right to left', async () => {
    const audited = await auditCount('export', 'contact_card');
    const response = await call(fixture.sessions.bosetter, 'GET', cardUrl(own.id));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="kontaktkort-${own.reference}-ar.pdf"`);
    expect(response.headers['cache-control']).toContain('no-store');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await auditCount('export', 'contact_card')).toBe(audited + 1);

    const ar = contactCardTranslations().get('ar')!;
    const nb = contactCardTranslations().get('nb')!;
    const lines = actualTexts(pdf);
    const all = flat(lines.join(' '));
    for (const text of [
      nb.title,
      ar.title,
      ar.roles.settlement_worker,
      ar.roles.guardian,
      nb.roles.guardian,
      'أحمد الصايد',
    ])
      expect(all).toContain(flat(text));
    const { text, info } = await readPdf(pdf);
    expect(info.Language).toBe('ar');
    expect(info.Author).toBeTruthy();
    for (const value of ['+47 412 34 567', '71 22 33 44', 'ola.nordmann@nav.example', '900 00 000', '110', '116 117'])
      expect(flat(text)).toContain(value);
    // The Arabic header line ends at the right margin: the right column is right-aligned.
    const items = (await readPdfItems(pdf)).filter((item) => item.page === 1);
    const arabic = items.filter((item) => /[\u0600-\u06ff]/.test(item.str));
    expect(Math.max(...arabic.map((item) => item.x))).toBeGreaterThan(480);
    expect(lines).toContain(`${ar.household}: ${own.reference}   ${ar.date}: 21.11.2026`);
  }, 60_000);

  it('is refused without the after-hours number or without contacts, with codes the page can show', async () => {
    const empty = await insertHousehold(fixture.db.app, { tenantId: fixture.a.tenantId, unitId: fixture.a.unitId });
    const none = await call(fixture.sessions.bosetter, 'GET', cardUrl(empty.id));
    expect(none.statusCode).toBe(422);
    expect(none.json().code).toBe('contact_card.contacts_missing');

    await withTenant(fixture.db.app, { tenantId: fixture.a.tenantId }, (trx) =>
      trx.updateTable('app.settlement_settings').set({ emergency_phone: '' }).execute(),
    );
    try {
      const missing = await call(fixture.sessions.bosetter, 'GET', cardUrl(own.id));
      expect(missing.statusCode).toBe(422);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(missing.json().code).toBe('contact_card.after_hours_missing');
    } finally {
      await withTenant(fixture.db.app, { tenantId: fixture.a.tenantId }, (trx) =>
        trx.updateTable('app.settlement_settings').set({ emergency_phone: '900 00 000' }).execute(),
      );
    }
    const unknown = await call(fixture.sessions.bosetter, 'GET', cardUrl(own.id, 'fr'));
    expect(unknown.statusCode).toBe(400);
  });
});

describeAuthzMatrix('household contacts: role × endpoint', {
  fixture,
  reader: 'bosetter',
  endpoints: [
    {
      name: 'GET contacts',
      permission: 'read:household:unit',
      ...onBoth((target) => ({ method: 'GET', url: contactsUrl(pick(target, own.id, other.id)) })),
    },
    {
      name: 'GET contact card',
      permission: 'read:household:unit',
      ...onBoth((target) => ({ method: 'GET', url: cardUrl(pick(target, own.id, other.id), 'nb') })),
    },
  ],
});

describe('household contacts PUT: role × endpoint', () => {
  it.each(staffRoles)('%s', async (role) => {
    const etag = await etagOf(own.id);
    const payload = { contacts: [{ role: 'landlord', name: 'Molde Boligstiftelse', phone: '71 22 33 44' }] };
    const response = await putAs(role, own.id, payload, etag);
    const allowed = roleMay(role, 'write:household:unit');
    if (allowed) expect(response.statusCode, response.body).toBe(200);
    else {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('auth.forbidden');
    }
    const foreign = await putAs(role, other.id, payload, '"1"');
    expect(foreign.statusCode).toBe(allowed ? 404 : 403);
  });
});
