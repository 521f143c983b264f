import { describe, expect, it } from 'vitest';
import { createHouseholdRequest } from '../../../shared/api/households';
import {
  ariaSort,
  codesByField,
  contactRequest,
  emptyMember,
  fieldKey,
  kronerToOre,
  listApiSearch,
  listSort,
  memberRequest,
  nextSort,
  oreToKroner,
  pointerPath,
  wholeNumber,
} from './household-form';
import { currentChecklist } from './components/ChecklistSection';
import type { TaskDto } from '../../../shared/api/tasks';

describe('memberRequest', () => {
  it('a member with a year-only birth date and no identity number is a valid new person', () => {
    const member = {
      ...emptyMember('m0', 'main'),
      fullName: '  محمد عبد الله  ',
      transliteration: "Mohammad Abd'Allah",
      birthPrecision: 'year' as const,
      birthYear: ' 1987 ',
    };
    const request = memberRequest(member);
    expect(request.person.birthDate).toEqual({ date: '1987', precision: 'year' });
    expect(request.person.identityNumber).toBeNull();
    expect(createHouseholdRequest.safeParse({ category: 'resettlement_refugee', members: [request] }).success).toBe(
      true,
    );
  });

  it('an unknown birth date is sent as null, an exact one as the date', () => {
    expect(memberRequest(emptyMember('a', 'child')).person.birthDate).toBeNull();
    const exact = memberRequest({ ...emptyMember('b', 'child'), birthPrecision: 'exact', birthDate: '2019-04-02' });
    expect(exact.person.birthDate).toEqual({ date: '2019-04-02', precision: 'exact' });
  });
});

describe('where a problem is shown', () => {
  it('a member person field from a server pointer or a zod path lands at that member field', () => {
    expect(fieldKey(pointerPath('/members/2/person/identityNumber'))).toBe('members.2.identityNumber');
    expect(fieldKey(['members', 1, 'person', 'birthDate', 'date'])).toBe('members.1.birthDate');
    expect(fieldKey(['members', 0, 'relation'])).toBe('members.0.relation');
    expect(fieldKey(['members'])).toBe('members');
  });

  it('a problem with an unknown person field falls back to the name; øre is the kroner field', () => {
    expect(fieldKey(['members', 0, 'person', 'languages', 0, 'code'])).toBe('members.0.fullName');
    expect(fieldKey(pointerPath('/maxRentOre'))).toBe('maxRent');
    expect(fieldKey([])).toBe('');
    expect(fieldKey(pointerPath('/contacts/1/email'))).toBe('contacts.1.email');
  });

  it('keeps the first problem per field', () => {
    expect(
      codesByField([
        { path: ['members', 0, 'person', 'fullName'], code: 'person.name_invalid' },
        { path: ['members', 0, 'person', 'fullName'], code: 'too_big' },
        { path: ['guardianName'], code: 'household.guardian_required' },
      ]),
    ).toEqual({ 'members.0.fullName': 'person.name_invalid', guardianName: 'household.guardian_required' });
  });

  it('decodes JSON Pointer escapes', () => {
    expect(pointerPath('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(pointerPath('')).toEqual([]);
  });
});

describe('money and numbers as typed', () => {
  it('reads kroner with spaces and a decimal comma into øre', () => {
    expect(kronerToOre('9 500,50')).toBe(950_050);
    expect(kronerToOre('12\u00a0000')).toBe(1_200_000);
    expect(kronerToOre('')).toBeNull();
    expect(kronerToOre('ni tusen')).toBeUndefined();
    expect(oreToKroner(950_050)).toBe('9500,50');
    expect(oreToKroner(null)).toBe('');
  });

  it('whole numbers: empty is undefined, unreadable text is kept for the form to refuse', () => {
    expect(wholeNumber(' 3 ')).toBe(3);
    expect(wholeNumber('')).toBeUndefined();
    expect(wholeNumber('3,5')).toBe('3,5');
  });
});

describe('the list URL', () => {
  it('passes only values the contract accepts, with our page size', () => {
    const search = listApiSearch(new URLSearchParams('search=أحمد&state=accepted&overdue=maybe&sort=reference&x=1'));
    const params = new URLSearchParams(search);
    expect(params.get('search')).toBe('أحمد');
    expect(params.get('state')).toBe('accepted');
    expect(params.get('overdue')).toBeNull();
    expect(params.get('x')).toBeNull();
    expect(params.get('sort')).toBe('reference');
    expect(params.get('pageSize')).toBe('25');
  });

  it('sorts by urgency unless the URL says otherwise; the proposal date toggles its direction', () => {
    expect(listSort(new URLSearchParams(''))).toBe('urgency');
    expect(listSort(new URLSearchParams('sort=nonsense'))).toBe('urgency');
    expect(nextSort('urgency', 'proposedOn')).toBe('proposedOn');
    expect(nextSort('proposedOn', 'proposedOn')).toBe('-proposedOn');
    expect(nextSort('-proposedOn', 'reference')).toBe('reference');
    expect(ariaSort('-proposedOn', 'proposedOn')).toBe('descending');
    expect(ariaSort('urgency', 'urgency')).toBe('ascending');
    expect(ariaSort('urgency', 'state')).toBe('none');
  });
});

describe('contacts', () => {
  it('orders the contacts as listed and leaves out an empty staff link', () => {
    const body = contactRequest(
      {
        key: 'c0',
        role: 'nav_adviser',
        staffUserId: null,
        name: 'Kari',
        phone: ' 900 00 000 ',
        email: '',
        availability: '',
      },
      3,
    );
    expect(body).toEqual({
      role: 'nav_adviser',
      name: 'Kari',
      phone: '900 00 000',
      email: '',
      availability: '',
      sortOrder: 3,
    });
  });
});

describe('the move-in checklist', () => {
  const task = (over: Partial<TaskDto>): TaskDto => ({
    id: crypto.randomUUID(),
    kind: 'movein.keys_handed_over',
    title: '',
    description: '',
    params: { key: 'keys_handed_over', arrivalDate: '2026-05-04' },
    subject: null,
    dueOn: '2026-05-04',
    overdue: false,
    state: 'open',
    assignee: { userId: null, userName: null, unitId: null, unitName: null },
    completedAt: null,
    completionNote: '',
    createdAt: '2026-04-01T10:00:00Z',
    version: 1,
    actions: { complete: true, update: true },
    ...over,
  });

  it('shows the items of the current arrival date, by due date, without other or superseded tasks', () => {
    const items = [
      task({ dueOn: '2026-05-18', params: { key: 'bank_account', arrivalDate: '2026-05-04' } }),
      task({ dueOn: '2026-05-01' }),
      task({ kind: 'manual', title: 'Ring verge' }),
      task({ state: 'dismissed', params: { key: 'keys_handed_over', arrivalDate: '2026-04-20' } }),
      task({ params: { key: 'lease_signed', arrivalDate: '2026-04-20' } }),
    ];
    const list = currentChecklist(items, '2026-05-04');
    expect(list.map((t) => t.dueOn)).toEqual(['2026-05-01', '2026-05-18']);
    expect(currentChecklist(items, null)).toEqual([]);
  });
});
