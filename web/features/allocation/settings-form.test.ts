import { describe, expect, it } from 'vitest';
import { DEFAULT_REFUSAL_REASONS } from '../../../shared/domain/allocation-criteria';
import { checkSettings } from './settings-form';

const values = { offerAnswerDays: '7', appealOffice: 'Boligkontoret', appealAddress: 'Postboks 1, 9999 Eksempel', appealBody: 'Klagenemnda' };

describe('the allocation settings form', () => {
  it('sends the defaults trimmed', () => {
    const rows = DEFAULT_REFUSAL_REASONS.map((r) => ({ code: r.code, label: ` ${r.label} ` }));
    const { request, problems } = checkSettings(rows, values);
    expect(problems).toEqual({ rows: {}, fields: {} });
    expect(request?.refusalReasons?.[0]).toEqual({ code: 'too_small', label: 'For liten' });
    expect(request?.offerAnswerDays).toBe(7);
  });

  it('shows bad codes, repeated codes and missing texts at their rows', () => {
    const rows = [
      { code: 'rent', label: 'For høy husleie' },
      { code: 'Rent', label: 'x' },
      { code: 'rent', label: '' },
    ];
    expect(checkSettings(rows, { ...values, offerAnswerDays: '61', appealBody: ' ' })).toEqual({
      request: null,
      problems: {
        rows: { 1: { code: 'code_invalid' }, 2: { code: 'code_duplicate', label: 'label_required' } },
        fields: { offerAnswerDays: 'days_invalid', appealBody: 'required' },
      },
    });
  });

  it('needs at least one reason', () => {
    expect(checkSettings([], values).problems.fields).toEqual({ refusalReasons: 'reasons_required' });
  });
});
