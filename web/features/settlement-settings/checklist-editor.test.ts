import { describe, expect, it } from 'vitest';
import { DEFAULT_MOVE_IN_CHECKLIST } from '../../../shared/domain/move-in-checklist';
import { checkRows, itemTitle, rowProblems, toItems, toRows, wholeNumber } from './checklist-editor';

const defaults = toRows(DEFAULT_MOVE_IN_CHECKLIST);

describe('the checklist editor', () => {
  it('round-trips Husly’s default list unchanged', () => {
    expect(toItems(defaults)).toEqual(
      DEFAULT_MOVE_IN_CHECKLIST.map((item) => ({
        requiresInterpreter: false,
        enabled: true,
        ...item,
      })),
    );
    expect(checkRows(defaults)).toEqual({});
  });

  it('shows a bad number of days at its row', () => {
    const rows = defaults.map((row, i) =>
      i === 3 ? { ...row, offsetDays: '400' } : i === 5 ? { ...row, offsetDays: 'tre' } : row,
    );
    expect(checkRows(rows)).toEqual({ 3: { offsetDays: 'offset_out_of_range' }, 5: { offsetDays: 'offset_invalid' } });
  });

  it('accepts days before arrival typed with a minus sign or a dash', () => {
    const rows = defaults.map((row, i) => (i === 0 ? { ...row, offsetDays: '−10' } : row));
    expect(checkRows(rows)).toEqual({});
    expect((toItems(rows)[0] as { offsetDays: number }).offsetDays).toBe(-10);
  });

  it('needs a title and a well-formed, unique key for an own item', () => {
    const own = {
      key: 'bike_lent',
      label: '',
      offsetDays: '5',
      ownerRole: 'miljoarbeider' as const,
      requiresInterpreter: false,
      sharedHousingOnly: false,
      enabled: true,
      sourceRef: null,
    };
    const rows = [
      ...defaults,
      own,
      { ...own, key: 'keys_handed_over', label: 'Ekstra nøkler' },
      { ...own, key: 'Bad Key', label: 'x' },
    ];
    const n = defaults.length;
    expect(checkRows(rows)).toEqual({
      [n]: { label: 'label_required' },
      [n + 1]: { key: 'key_duplicate' },
      [n + 2]: { key: 'key_invalid' },
    });
    expect(toItems([{ ...own, label: ' Lån av sykkel ' }])[0]).toMatchObject({
      label: 'Lån av sykkel',
      sourceRef: null,
    });
  });

  it('places the server’s pointers at rows and fields, first problem per field', () => {
    expect(
      rowProblems(
        [
          { pointer: '/checklist/3/offsetDays', code: 'offset_out_of_range' },
          { pointer: '/checklist/3/offsetDays', code: 'offset_invalid' },
          { pointer: '/checklist/0', code: 'item_invalid' },
          { pointer: '/checklist', code: 'too_many_items' },
          { pointer: '/agreedTargetDays', code: 'too_big' },
        ],
        '/checklist',
      ),
    ).toEqual({ 3: { offsetDays: 'offset_out_of_range' }, 0: { '': 'item_invalid' }, [-1]: { '': 'too_many_items' } });
  });

  it('titles an own item by its label, and Husly’s items by a translation or else the key', () => {
    expect(itemTitle('nb', { key: 'bike_lent', label: 'Lån av sykkel', sourceRef: null })).toBe('Lån av sykkel');
    expect(itemTitle('nb', { key: 'keys_handed_over', label: '', sourceRef: 'R6.1' })).toBe('Nøkler overlevert');
    expect(itemTitle('en', { key: 'keys_handed_over', label: '', sourceRef: 'R6.1' })).not.toBe('keys_handed_over');
    expect(itemTitle('nb', { key: 'no_such_item', label: '', sourceRef: 'R6.1' })).toBe('no_such_item');
  });

  it('reads whole numbers only', () => {
    expect(wholeNumber(' 30 ')).toBe(30);
    expect(wholeNumber('')).toBeNull();
    expect(wholeNumber('3,5')).toBeNull();
  });
});
