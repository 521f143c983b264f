import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import { describeAuthzMatrix, sendAs, useAuthzFixture, type AuthzEndpoint } from '../../test/authz';

// Role × endpoint for the IMDi intake (RELIABILITY S5). Only a role that may write households and
// persons (bosetter) may validate or import a proposal; the endpoint takes no object id, so the
// cross-municipality check is that a validation never names another municipality's person.

const fx = useAuthzFixture();
const example = readFileSync(new URL('../../../docs/examples/imdi-intake-example.json', import.meta.url), 'utf8');

// One adult, no numbers, no mapping notes.
const small = JSON.stringify({
  format: 'husly.imdi-intake.v1',
  cases: [
    {
      imdiCaseId: 'AUTHZ-1',
      proposedOn: '2026-11-01',
      category: 'from_reception_centre',
      residencePermitDate: '2026-09-01',
      receptionCentre: 'Fjellro asylmottak',
      persons: [
        {
          ref: 'P1',
          fullName: 'Hamid Noori',
          birthDate: { date: '1995', precision: 'year' },
          nationality: 'AFG',
          languages: [{ code: 'prs', interpreterNeeded: true, preferredForLetters: true }],
          relation: 'main',
          isMainPerson: true,
        },
      ],
    },
  ],
});

const endpoints: AuthzEndpoint[] = [
  {
    name: 'POST /api/intake/imdi (validate)',
    permission: ['write:household:any', 'write:person:any'],
    own: () => ({
      method: 'POST',
      url: '/api/intake/imdi',
      payload: { fileName: 'forslag.json', content: example, format: 'json', mode: 'validate' },
    }),
  },
  {
    name: 'POST /api/intake/imdi (commit)',
    // Refused before the file is read: a role without the permission never learns what is in it.
    permission: ['write:household:any', 'write:person:any'],
    own: () => ({
      method: 'POST',
      url: '/api/intake/imdi',
      payload: { fileName: 'forslag.json', content: small, format: 'json', mode: 'commit' },
    }),
  },
];

describeAuthzMatrix(
  'the role × endpoint matrix for the IMDi intake',
  {
    fixture: fx,
    endpoints,
    onAllowed: (response) => {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().problems).toEqual([]);
    },
  },
  () => {
    it('without a session the intake answers 401, and it needs the CSRF token', async () => {
      const response = await sendAs(fx, null, await endpoints[0]!.own('bosetter'));
      expect(response.statusCode).toBe(401);
      const noCsrf = await sendAs(fx, fx.sessions.bosetter, await endpoints[0]!.own('bosetter'), { csrf: false });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().code).toBe('auth.csrf');
    });

    it("another municipality's person with a number from the file is not matched", async () => {
      const duf = /"dufNumber": "([0-9]{12})"/.exec(example)![1]!;
      const other = await withTenant(fx.db.app, { tenantId: fx.b.tenantId }, (trx) =>
        trx
          .insertInto('app.person')
          .values({ tenant_id: fx.b.tenantId, full_name: 'Annen kommune', duf_number: duf })
          .returning('id')
          .executeTakeFirstOrThrow(),
      );
      const response = await sendAs(fx, fx.sessions.bosetter, await endpoints[0]!.own('bosetter'));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().matches).toEqual([]);
      expect(response.body).not.toContain(other.id);
      expect(response.body).not.toContain(fx.b.tenantId);
    });
  },
);
