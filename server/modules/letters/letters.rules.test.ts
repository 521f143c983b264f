import { describe, expect, it } from 'vitest';
import {
  effectiveEnd,
  formatCalendarDateLong,
  formatMeeting,
  letterAvailable,
  letterConditionsFor,
  letterValues,
  parseMeetingAt,
  senderName,
  type LetterLease,
  type LetterSender,
} from './letters.rules';

const lease: LetterLease = {
  reference: 'K-2024/017',
  state: 'active',
  legalBasis: 'hl_9_3',
  endDate: '2027-03-01',
  terminatedOn: null,
  tenantName: 'Amina Yusuf',
  street: 'Storgata 12 B',
  postnummer: '8006',
  poststed: 'Bodø',
  unitName: 'Boligkontoret',
};
const sender: LetterSender = {
  municipalityName: 'Bodø',
  sender: '',
  address: 'Kongens gate 23, 8006 Bodø',
  phone: '',
  email: '',
};

describe('when a letter can be made', () => {
  it('a running lease with a main tenant and an end date can have both letters', () => {
    expect(letterAvailable(lease, 'lease_end_notice')).toBe(true);
    expect(letterAvailable(lease, 'next_steps_meeting')).toBe(true);
    expect(letterAvailable({ ...lease, state: 'notice_given' }, 'lease_end_notice')).toBe(true);
  });

  it('a lease without a tenant person (a head lease) has no recipient', () => {
    expect(letterAvailable({ ...lease, tenantName: null }, 'lease_end_notice')).toBe(false);
    expect(letterAvailable({ ...lease, tenantName: null }, 'next_steps_meeting')).toBe(false);
  });

  it('an open-ended lease gets no end notice until it is terminated, but can get the invitation', () => {
    const open = { ...lease, legalBasis: 'open_ended' as const, endDate: null };
    expect(letterAvailable(open, 'lease_end_notice')).toBe(false);
    expect(letterAvailable(open, 'next_steps_meeting')).toBe(true);
    expect(letterAvailable({ ...open, terminatedOn: '2027-01-01' }, 'lease_end_notice')).toBe(true);
  });

  it('a cancelled or ended lease gets no letters', () => {
    for (const state of ['cancelled', 'ended'] as const) {
      expect(letterAvailable({ ...lease, state }, 'lease_end_notice')).toBe(false);
      expect(letterAvailable({ ...lease, state }, 'next_steps_meeting')).toBe(false);
    }
  });

  it('the tenancy ends on the termination date when notice was given, else at the end of the term', () => {
    expect(effectiveEnd(lease)).toBe('2027-03-01');
    expect(effectiveEnd({ ...lease, terminatedOn: '2026-12-31' })).toBe('2026-12-31');
  });
});

describe('what the letter says', () => {
  it('states the legal basis stored on the lease, or the termination', () => {
    const notice = { kind: 'lease_end_notice' as const };
    expect(letterConditionsFor(lease, sender, notice)).toContain('basis_hl_9_3');
    expect(letterConditionsFor({ ...lease, legalBasis: 'hl_11_1' }, sender, notice)).toContain('basis_hl_11_1');
    const terminated = letterConditionsFor({ ...lease, terminatedOn: '2026-12-31' }, sender, notice);
    expect(terminated).toContain('terminated');
    expect(terminated).not.toContain('basis_hl_9_3');
  });

  it('says an interpreter is booked (in a language), or offers one', () => {
    const kind = 'next_steps_meeting' as const;
    expect(letterConditionsFor(lease, sender, { kind })).toContain('interpreter_not_booked');
    expect(letterConditionsFor(lease, sender, { kind, interpreterBooked: true })).toContain('interpreter_booked');
    const withLanguage = letterConditionsFor(lease, sender, { kind, interpreterLanguage: 'tigrinja' });
    expect(withLanguage).toContain('interpreter_booked_language');
    expect(withLanguage).not.toContain('interpreter_not_booked');
  });

  it('prints the contact lines only when the municipality has them', () => {
    expect(letterConditionsFor(lease, sender, { kind: 'lease_end_notice' })).not.toContain('has_phone');
    const full = letterConditionsFor(
      lease,
      { ...sender, phone: '75 55 50 00', email: 'post@bodo.example' },
      { kind: 'lease_end_notice' },
    );
    expect(full).toContain('has_phone');
    expect(full).toContain('has_email');
  });

  it('signs as the configured sender, else as "<name> kommune"', () => {
    expect(senderName(sender)).toBe('Bodø kommune');
    expect(senderName({ ...sender, municipalityName: 'Bodø kommune' })).toBe('Bodø kommune');
    expect(senderName({ ...sender, sender: 'Bodø kommune, Boligkontoret' })).toBe('Bodø kommune, Boligkontoret');
  });

  it('meets at the given place, else at the municipality address', () => {
    const base = {
      lease,
      sender,
      options: { kind: 'next_steps_meeting' as const },
      language: 'nb' as const,
      now: new Date('2026-11-21T09:00:00Z'),
      contactName: 'Kari',
      meetingAt: new Date('2026-12-03T09:00:00Z'),
    };
    expect(letterValues({ ...base, meetingPlace: 'Rådhuset, møterom 2' }).meetingPlace).toBe('Rådhuset, møterom 2');
    expect(letterValues({ ...base, meetingPlace: '  ' }).meetingPlace).toBe('Kongens gate 23, 8006 Bodø');
    const values = letterValues({ ...base, meetingPlace: '' });
    expect(values).toMatchObject({
      letterDate: '21. november 2026',
      endDate: '1. mars 2027',
      meetingDate: 'torsdag 3. desember 2026',
      meetingTime: '10:00',
      contactUnit: 'Boligkontoret',
      postalLine: '8006 Bodø',
    });
  });
});

describe('dates and times in letters (Europe/Oslo)', () => {
  it('prints calendar dates as that day, in words', () => {
    expect(formatCalendarDateLong('2027-03-01', 'nb')).toBe('1. mars 2027');
    expect(formatCalendarDateLong('2026-12-31', 'nn')).toBe('31. desember 2026');
  });

  it('prints the meeting weekday in the letter language', () => {
    const saturday = new Date('2026-12-05T09:00:00Z');
    expect(formatMeeting(saturday, 'nb')).toEqual({ date: 'lørdag 5. desember 2026', time: '10:00' });
    expect(formatMeeting(saturday, 'nn')).toEqual({ date: 'laurdag 5. desember 2026', time: '10:00' });
  });

  it('reads a wall-clock time without offset as Oslo time, in winter and in summer', () => {
    expect(parseMeetingAt('2026-12-03T10:00').toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(parseMeetingAt('2026-06-03T10:00').toISOString()).toBe('2026-06-03T08:00:00.000Z');
    expect(parseMeetingAt('2026-10-25T12:30:00').toISOString()).toBe('2026-10-25T11:30:00.000Z'); // the day DST ends
    expect(parseMeetingAt('2026-03-29T12:00').toISOString()).toBe('2026-03-29T10:00:00.000Z'); // the day DST starts
  });

  it('takes an instant with Z or an offset as it is', () => {
    expect(parseMeetingAt('2026-12-03T09:00:00Z').toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(parseMeetingAt('2026-12-03T10:00:00+01:00').toISOString()).toBe('2026-12-03T09:00:00.000Z');
  });
});
