import { describe, expect, it } from 'vitest';
import { leaseReminderDates } from './reminders';

describe('leaseReminderDates', () => {
  it('a lease to a household gets reminders 6 and 3 months before it ends, earliest first', () => {
    expect(leaseReminderDates({ lease: { kind: 'sub', end: '2027-03-01' } })).toEqual([
      { key: 'lease-end:6m', monthsBefore: 6, dueDate: '2026-09-01' },
      { key: 'lease-end:3m', monthsBefore: 3, dueDate: '2026-12-01' },
    ]);
  });

  it('a head lease also gets a last reminder 1 month before it ends', () => {
    expect(leaseReminderDates({ lease: { kind: 'head', end: '2027-03-01' } })).toEqual([
      { key: 'lease-end:6m', monthsBefore: 6, dueDate: '2026-09-01' },
      { key: 'lease-end:3m', monthsBefore: 3, dueDate: '2026-12-01' },
      { key: 'lease-end:1m', monthsBefore: 1, dueDate: '2027-02-01' },
    ]);
  });

  it('when the day does not exist months earlier, the due date is the last day of that month', () => {
    expect(leaseReminderDates({ lease: { kind: 'sub', end: '2025-08-31' } })[0]).toMatchObject({
      dueDate: '2025-02-28',
    });
    expect(leaseReminderDates({ lease: { kind: 'sub', end: '2024-08-31' } })[0]).toMatchObject({
      dueDate: '2024-02-29',
    });
    expect(leaseReminderDates({ lease: { kind: 'head', end: '2024-03-31' } }).at(-1)).toMatchObject({
      dueDate: '2024-02-29',
    });
  });

  it('an open-ended lease has no reminders', () => {
    expect(leaseReminderDates({ lease: { kind: 'sub', end: null } })).toEqual([]);
    expect(leaseReminderDates({ lease: { kind: 'head', end: null } })).toEqual([]);
  });

  it('the same lease always gives the same keys, so a scheduler can create each reminder once', () => {
    const first = leaseReminderDates({ lease: { kind: 'head', end: '2026-06-15' } });
    const again = leaseReminderDates({ lease: { kind: 'head', end: '2026-06-15' } });
    expect(again).toEqual(first);
    expect(new Set(first.map((r) => r.key)).size).toBe(first.length);
  });

  it('takes other lead times, ignoring duplicates and order', () => {
    expect(leaseReminderDates({ lease: { kind: 'sub', end: '2026-06-15' }, leadTimes: [2, 12, 2] })).toEqual([
      { key: 'lease-end:12m', monthsBefore: 12, dueDate: '2025-06-15' },
      { key: 'lease-end:2m', monthsBefore: 2, dueDate: '2026-04-15' },
    ]);
  });

  it('refuses a lead time that is not a whole number of months of at least 1', () => {
    for (const leadTime of [0, -1, 1.5, Number.NaN]) {
      expect(() => leaseReminderDates({ lease: { kind: 'sub', end: '2026-06-15' }, leadTimes: [leadTime] })).toThrow(
        RangeError,
      );
    }
  });
});
