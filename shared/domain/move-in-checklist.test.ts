import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MOVE_IN_CHECKLIST,
  generateMoveInTasks,
  isSupersededMoveInTask,
  moveInDedupeKey,
  validateChecklistTemplate,
  type ChecklistItem,
} from './move-in-checklist';

const householdId = '0b6f3c1e-8f1a-4c55-9d2e-3a7b1c9e0f42';
const units = {
  eiendom: 'unit-eiendom',
  boligkontor: 'unit-boligkontor',
  bosetter: 'unit-flyktning',
  nav_veileder: 'unit-nav',
  miljoarbeider: 'unit-miljo',
};

function dueOf(tasks: ReturnType<typeof generateMoveInTasks>, key: string) {
  return tasks.find((t) => t.params.key === key)?.dueOn;
}

describe('the default move-in checklist', () => {
  it('is a valid template', () => {
    expect(validateChecklistTemplate(DEFAULT_MOVE_IN_CHECKLIST)).toEqual({
      ok: true,
      items: DEFAULT_MOVE_IN_CHECKLIST,
    });
  });

  it('covers every item issue 5 asks for, each traced to a requirement', () => {
    // Written out by hand from issue 5 item 6 and R6.x / R3.7.
    const expected: Record<string, string> = {
      furnished_standard_package: 'R6.1',
      keys_handed_over: 'R6.1',
      meter_readings: 'R6.12',
      lease_signed: 'R6.10',
      deposit_guarantee: '§3.4',
      housing_allowance_applied: 'R6.11',
      bank_account: 'R3.7',
      bankid: 'R3.7',
      gp_registered: 'R3.7',
      information_meeting: 'R6.4',
      joint_intake_meeting: 'R6.7',
      welcome_folder_handed_over: 'R6.6',
      house_rules_explained: 'R6.8',
      contacts_card_handed_over: 'R6.5',
    };
    expect(Object.fromEntries(DEFAULT_MOVE_IN_CHECKLIST.map((i) => [i.key, i.sourceRef]))).toEqual(expected);
  });

  it('furnishing and the deposit guarantee fall before arrival; meetings with an interpreter', () => {
    const byKey = new Map(DEFAULT_MOVE_IN_CHECKLIST.map((i) => [i.key, i]));
    expect(byKey.get('furnished_standard_package')!.offsetDays).toBeLessThan(0);
    expect(byKey.get('deposit_guarantee')!.offsetDays).toBeLessThan(0);
    expect(byKey.get('information_meeting')!.requiresInterpreter).toBe(true);
    expect(byKey.get('joint_intake_meeting')).toMatchObject({ ownerRole: 'nav_veileder', requiresInterpreter: true });
    expect(byKey.get('bankid')!.ownerRole).toBe('bosetter');
    expect(byKey.get('house_rules_explained')!.onlyWhen).toBe('shared_housing');
  });
});

describe('generateMoveInTasks', () => {
  it('gives each item its kind, dedupe key, due date, unit and params', () => {
    const tasks = generateMoveInTasks({
      householdId,
      arrivalDate: '2026-03-10',
      template: DEFAULT_MOVE_IN_CHECKLIST,
      dwellingType: 'flat',
      unitForRole: units,
    });
    expect(tasks.find((t) => t.params.key === 'joint_intake_meeting')).toEqual({
      kind: 'movein.joint_intake_meeting',
      dedupeKey: `movein:joint_intake_meeting:${householdId}:2026-03-10`,
      dueOn: '2026-03-17',
      assigneeUnitId: 'unit-nav',
      ownerRole: 'nav_veileder',
      requiresInterpreter: true,
      label: null,
      subject: { type: 'household', id: householdId },
      params: { key: 'joint_intake_meeting', arrivalDate: '2026-03-10' },
    });
    expect(dueOf(tasks, 'furnished_standard_package')).toBe('2026-03-07');
    expect(dueOf(tasks, 'deposit_guarantee')).toBe('2026-03-03');
    expect(dueOf(tasks, 'keys_handed_over')).toBe('2026-03-10');
    expect(dueOf(tasks, 'bankid')).toBe('2026-04-09');
  });

  it('lists the tasks by due date, template order within a day', () => {
    const tasks = generateMoveInTasks({
      householdId,
      arrivalDate: '2026-03-10',
      template: DEFAULT_MOVE_IN_CHECKLIST,
      dwellingType: 'flat',
      unitForRole: units,
    });
    expect(tasks.map((t) => t.params.key)).toEqual([
      'deposit_guarantee',
      'furnished_standard_package',
      'lease_signed',
      'keys_handed_over',
      'meter_readings',
      'welcome_folder_handed_over',
      'contacts_card_handed_over',
      'information_meeting',
      'joint_intake_meeting',
      'bank_account',
      'gp_registered',
      'housing_allowance_applied',
      'bankid',
    ]);
  });

  it.each([
    // [arrival, furnished (−3), deposit (−7), bankid (+30)]
    [
      'arrival on 1 March in a leap year reaches back into February 29',
      '2024-03-01',
      '2024-02-27',
      '2024-02-23',
      '2024-03-31',
    ],
    ['arrival on 1 March in a common year', '2023-03-01', '2023-02-26', '2023-02-22', '2023-03-31'],
    ['arrival in February of a leap year runs past the 29th', '2024-02-10', '2024-02-07', '2024-02-03', '2024-03-11'],
    ['arrival at the turn of the year', '2026-01-02', '2025-12-30', '2025-12-26', '2026-02-01'],
    ['arrival at the end of a 31-day month', '2026-08-31', '2026-08-28', '2026-08-24', '2026-09-30'],
  ])('%s', (_name, arrivalDate, furnished, deposit, bankid) => {
    const tasks = generateMoveInTasks({
      householdId,
      arrivalDate,
      template: DEFAULT_MOVE_IN_CHECKLIST,
      unitForRole: units,
    });
    expect(dueOf(tasks, 'furnished_standard_package')).toBe(furnished);
    expect(dueOf(tasks, 'deposit_guarantee')).toBe(deposit);
    expect(dueOf(tasks, 'bankid')).toBe(bankid);
  });

  it('a re-run yields the same dedupe keys, so the insert creates nothing new', () => {
    const run = () =>
      generateMoveInTasks({
        householdId,
        arrivalDate: '2026-05-04',
        template: DEFAULT_MOVE_IN_CHECKLIST,
        unitForRole: units,
      }).map((t) => t.dedupeKey);
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first).toContain(`movein:keys_handed_over:${householdId}:2026-05-04`);
  });

  it('a changed arrival date yields new keys, and the old open tasks are superseded', () => {
    const gen = (arrivalDate: string) =>
      generateMoveInTasks({ householdId, arrivalDate, template: DEFAULT_MOVE_IN_CHECKLIST, unitForRole: units });
    const before = gen('2026-05-04');
    const after = gen('2026-05-18');
    const overlap = before.map((t) => t.dedupeKey).filter((k) => after.some((t) => t.dedupeKey === k));
    expect(overlap).toEqual([]);
    expect(isSupersededMoveInTask({ task: before[0]!, currentArrivalDate: '2026-05-18' })).toBe(true);
    expect(isSupersededMoveInTask({ task: after[0]!, currentArrivalDate: '2026-05-18' })).toBe(false);
    expect(isSupersededMoveInTask({ task: after[0]!, currentArrivalDate: null })).toBe(true);
    expect(isSupersededMoveInTask({ task: { kind: 'lease.end', params: {} }, currentArrivalDate: '2026-05-18' })).toBe(
      false,
    );
  });

  it('a different household gets different keys for the same arrival date', () => {
    expect(moveInDedupeKey({ key: 'bankid', householdId: 'a', arrivalDate: '2026-05-04' })).not.toBe(
      moveInDedupeKey({ key: 'bankid', householdId: 'b', arrivalDate: '2026-05-04' }),
    );
  });

  it.each([
    ['shared_housing', true],
    ['shared_room', true],
    ['flat', false],
    ['house', false],
    [undefined, false],
    [null, false],
  ] as const)('house rules are explained only in shared housing (dwelling type %s → %s)', (dwellingType, included) => {
    const keys = generateMoveInTasks({
      householdId,
      arrivalDate: '2026-05-04',
      template: DEFAULT_MOVE_IN_CHECKLIST,
      dwellingType,
      unitForRole: units,
    }).map((t) => t.params.key);
    expect(keys.includes('house_rules_explained')).toBe(included);
    expect(keys).toHaveLength(DEFAULT_MOVE_IN_CHECKLIST.length - (included ? 0 : 1));
  });

  it("a municipality's disabled items are left out and its own items are generated", () => {
    const template: ChecklistItem[] = [
      ...DEFAULT_MOVE_IN_CHECKLIST.map((i) => (i.key === 'meter_readings' ? { ...i, enabled: false } : i)),
      {
        key: 'neighbours_informed',
        label: 'Naboene er informert',
        offsetDays: -1,
        ownerRole: 'miljoarbeider',
        sourceRef: null,
      },
    ];
    expect(validateChecklistTemplate(template).ok).toBe(true);
    const tasks = generateMoveInTasks({ householdId, arrivalDate: '2026-05-04', template, unitForRole: units });
    expect(tasks.some((t) => t.params.key === 'meter_readings')).toBe(false);
    expect(tasks.find((t) => t.params.key === 'neighbours_informed')).toMatchObject({
      kind: 'movein.neighbours_informed',
      dueOn: '2026-05-03',
      assigneeUnitId: 'unit-miljo',
      label: 'Naboene er informert',
    });
  });

  it('a role the municipality maps to no unit leaves the assignee to the shell', () => {
    const tasks = generateMoveInTasks({
      householdId,
      arrivalDate: '2026-05-04',
      template: DEFAULT_MOVE_IN_CHECKLIST,
      unitForRole: { bosetter: 'unit-flyktning' },
    });
    expect(tasks.find((t) => t.params.key === 'bankid')!.assigneeUnitId).toBe('unit-flyktning');
    expect(tasks.find((t) => t.params.key === 'keys_handed_over')).toMatchObject({
      assigneeUnitId: null,
      ownerRole: 'boligkontor',
    });
  });

  it('refuses a malformed arrival date or household id as a programming error', () => {
    const base = { householdId, template: DEFAULT_MOVE_IN_CHECKLIST, unitForRole: units };
    expect(() => generateMoveInTasks({ ...base, arrivalDate: '2023-02-29' })).toThrow(RangeError);
    expect(() => generateMoveInTasks({ ...base, arrivalDate: '2026-5-4' })).toThrow(RangeError);
    expect(() => generateMoveInTasks({ ...base, householdId: '', arrivalDate: '2026-05-04' })).toThrow(RangeError);
    expect(() => generateMoveInTasks({ ...base, householdId: 'a:b', arrivalDate: '2026-05-04' })).toThrow(RangeError);
  });
});

describe('validateChecklistTemplate', () => {
  const good = { key: 'keys', offsetDays: 0, ownerRole: 'boligkontor', sourceRef: 'R6.1' };

  it.each([
    ['a key with a colon', { ...good, key: 'keys:x' }, '/0/key', 'key_invalid'],
    ['a key with capitals', { ...good, key: 'Keys' }, '/0/key', 'key_invalid'],
    ['a key with a dot', { ...good, key: 'keys.x' }, '/0/key', 'key_invalid'],
    ['a missing key', { ...good, key: undefined }, '/0/key', 'key_invalid'],
    ['an offset of 61 days before arrival', { ...good, offsetDays: -61 }, '/0/offsetDays', 'offset_out_of_range'],
    ['an offset of 181 days after arrival', { ...good, offsetDays: 181 }, '/0/offsetDays', 'offset_out_of_range'],
    ['a fractional offset', { ...good, offsetDays: 1.5 }, '/0/offsetDays', 'offset_invalid'],
    ['an offset as text', { ...good, offsetDays: '3' }, '/0/offsetDays', 'offset_invalid'],
    ['an unknown role', { ...good, ownerRole: 'vaktmester' }, '/0/ownerRole', 'role_unknown'],
    ['an unknown condition', { ...good, onlyWhen: 'family' }, '/0/onlyWhen', 'condition_unknown'],
    [
      'a non-boolean interpreter flag',
      { ...good, requiresInterpreter: 'yes' },
      '/0/requiresInterpreter',
      'flag_invalid',
    ],
    ['a non-boolean enabled flag', { ...good, enabled: 1 }, '/0/enabled', 'flag_invalid'],
    ['an empty source', { ...good, sourceRef: ' ' }, '/0/sourceRef', 'source_ref_invalid'],
    ['a missing source', { ...good, sourceRef: undefined }, '/0/sourceRef', 'source_ref_invalid'],
    ['an own item without a label', { ...good, sourceRef: null }, '/0/label', 'label_required'],
    ['an own item with a blank label', { ...good, sourceRef: null, label: '  ' }, '/0/label', 'label_invalid'],
    ['a label of 201 characters', { ...good, label: 'x'.repeat(201) }, '/0/label', 'label_invalid'],
    ['a label that is not text', { ...good, label: 7 }, '/0/label', 'label_invalid'],
    ['a label with a line break', { ...good, sourceRef: null, label: 'a\nb' }, '/0/label', 'label_invalid'],
  ])('%s is reported', (_name, item, pointer, problem) => {
    expect(validateChecklistTemplate([item])).toEqual({
      ok: false,
      code: 'checklist.template_invalid',
      problems: [{ pointer, problem }],
    });
  });

  it("an own item's label is kept (trimmed, NFC, up to 200 characters); Husly's items may carry one too", () => {
    const own = { ...good, key: 'neighbours', sourceRef: null, label: `  Naboene er informert ${'x'.repeat(179)} ` };
    const result = validateChecklistTemplate([own, { ...good, label: 'Nøkler' }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items[0]!.label).toBe(own.label.trim());
    expect(result.items[0]!.label).toHaveLength(200);
    expect(result.items[1]!.label).toBe('Nøkler');
    expect(validateChecklistTemplate([good])).toEqual({ ok: true, items: [good] });
  });

  it('the boundaries −60 and +180 are accepted', () => {
    expect(
      validateChecklistTemplate([
        { ...good, offsetDays: -60 },
        { ...good, key: 'later', offsetDays: 180 },
      ]).ok,
    ).toBe(true);
  });

  it('a duplicate key is reported at its second occurrence, even when one copy is disabled', () => {
    expect(validateChecklistTemplate([good, { ...good, enabled: false }])).toEqual({
      ok: false,
      code: 'checklist.template_invalid',
      problems: [{ pointer: '/1/key', problem: 'key_duplicate' }],
    });
  });

  it('reports every problem of every item, not just the first', () => {
    const result = validateChecklistTemplate([
      { key: 'Bad', offsetDays: 500, ownerRole: 'nobody', sourceRef: 'R6.1' },
      good,
      null,
    ]);
    expect(result).toEqual({
      ok: false,
      code: 'checklist.template_invalid',
      problems: [
        { pointer: '/0/key', problem: 'key_invalid' },
        { pointer: '/0/offsetDays', problem: 'offset_out_of_range' },
        { pointer: '/0/ownerRole', problem: 'role_unknown' },
        { pointer: '/2', problem: 'item_invalid' },
      ],
    });
  });

  it('something that is not a list, or a list that is too long, is refused as a whole', () => {
    expect(validateChecklistTemplate({ items: [] })).toMatchObject({
      problems: [{ pointer: '', problem: 'not_a_list' }],
    });
    const many = Array.from({ length: 101 }, (_, i) => ({ ...good, key: `item_${i}` }));
    expect(validateChecklistTemplate(many)).toMatchObject({ problems: [{ pointer: '', problem: 'too_many_items' }] });
    expect(validateChecklistTemplate(many.slice(0, 100)).ok).toBe(true);
  });

  it('an empty template is valid (the municipality uses no checklist) and unknown properties are dropped', () => {
    expect(validateChecklistTemplate([])).toEqual({ ok: true, items: [] });
    expect(validateChecklistTemplate([{ ...good, colour: 'red' }])).toEqual({ ok: true, items: [good] });
  });
});
