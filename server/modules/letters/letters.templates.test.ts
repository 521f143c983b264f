import { describe, expect, it } from 'vitest';
import { letterKinds, letterLanguages } from '../../../shared/api/letters';
import { fill, letterConditions, letterTemplates, placeholders, resolveLetter } from './letters.templates';

// The values letterValues() can provide; a template asking for anything else would fail at runtime.
const known = new Set([
  'tenantName',
  'address',
  'postalLine',
  'leaseReference',
  'sender',
  'contactName',
  'contactUnit',
  'phone',
  'email',
  'letterDate',
  'endDate',
  'meetingDate',
  'meetingTime',
  'meetingPlace',
  'interpreterLanguage',
]);

describe('letter templates', () => {
  it.each(letterKinds)('%s: bokmål and nynorsk have the same blocks, conditions and placeholders', (kind) => {
    const [nb, nn] = letterLanguages.map((language) => letterTemplates[kind][language]);
    expect(nb!.blocks.map((b) => [b.kind, b.when ?? null, b.kind === 'list' ? b.items.length : 0])).toEqual(
      nn!.blocks.map((b) => [b.kind, b.when ?? null, b.kind === 'list' ? b.items.length : 0]),
    );
    expect([...placeholders(nb!)].sort()).toEqual([...placeholders(nn!)].sort());
  });

  it.each(letterKinds.flatMap((kind) => letterLanguages.map((language) => [kind, language] as const)))(
    '%s/%s asks only for values the letter rules provide, and uses only known conditions',
    (kind, language) => {
      const template = letterTemplates[kind][language];
      for (const name of placeholders(template)) expect(known, name).toContain(name);
      for (const block of template.blocks) if (block.when) expect(letterConditions).toContain(block.when);
    },
  );

  it('the notice names the end date and the legal basis as stored on the lease; the invitation the meeting', () => {
    const notice = letterTemplates.lease_end_notice.nb;
    expect(placeholders(notice)).toContain('endDate');
    expect(notice.blocks.find((b) => b.when === 'basis_hl_9_3')).toMatchObject({
      text: expect.stringContaining('§ 9-3'),
    });
    expect(notice.blocks.find((b) => b.when === 'basis_hl_11_1')).toMatchObject({
      text: expect.stringContaining('§ 11-1'),
    });
    const nnNotice = letterTemplates.lease_end_notice.nn;
    expect(nnNotice.blocks.find((b) => b.when === 'basis_hl_9_3')).toMatchObject({
      text: expect.stringContaining('husleigelova § 9-3'),
    });
    const invitation = placeholders(letterTemplates.next_steps_meeting.nn);
    for (const name of ['meetingDate', 'meetingTime', 'meetingPlace', 'interpreterLanguage'])
      expect(invitation).toContain(name);
  });

  it('fills placeholders and refuses to print a letter with a missing value', () => {
    expect(fill('Går ut {endDate}.', { endDate: '1. mars 2027' })).toBe('Går ut 1. mars 2027.');
    expect(() => fill('Går ut {endDate}.', {})).toThrow(/endDate/);
  });

  it('prints only the blocks whose condition holds, so a hidden block needs no value', () => {
    const template = letterTemplates.next_steps_meeting.nb;
    const values = {
      address: 'Storgata 1',
      sender: 'Bodø kommune',
      endDate: '1. mars 2027',
      meetingDate: 'torsdag 3. desember 2026',
      meetingTime: '10:00',
      meetingPlace: 'Rådhuset',
      contactName: 'Kari',
      contactUnit: 'Boligkontoret',
      leaseReference: 'K-1',
    };
    const letter = resolveLetter(template, new Set(['has_end_date', 'interpreter_not_booked']), values);
    const text = letter.blocks.map((b) => (b.kind === 'list' ? b.items.join('\n') : b.text)).join('\n');
    expect(text).toContain('Leieperioden går ut 1. mars 2027.');
    expect(text).toContain('Trenger du tolk');
    expect(text).not.toContain('Vi har bestilt tolk');
    expect(text).not.toContain('Telefon:');
    expect(() => resolveLetter(template, new Set(['interpreter_booked_language']), values)).toThrow(
      /interpreterLanguage/,
    );
  });
});
