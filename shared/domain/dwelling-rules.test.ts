import { describe, expect, it } from 'vitest';
import { addressProblems, isManualStatus, parentProblems, roomsProblems } from './dwelling-rules';

describe('dwelling rules', () => {
  it('checks postnummer (register), kommunenummer (SSB) and bruksenhetsnummer (matrikkel format)', () => {
    expect(addressProblems({ postnummer: '6413', kommunenummer: '1506', bruksenhetsnummer: 'H0101' })).toEqual([]);
    expect(addressProblems({ postnummer: '0000', kommunenummer: '9999', bruksenhetsnummer: 'H101' })).toEqual([
      { pointer: '/postnummer', code: 'dwelling.postnummer_invalid' },
      { pointer: '/kommunenummer', code: 'dwelling.kommunenummer_invalid' },
      { pointer: '/bruksenhetsnummer', code: 'dwelling.bruksenhetsnummer_invalid' },
    ]);
    expect(addressProblems({ bruksenhetsnummer: null })).toEqual([]);
    for (const ok of ['H0101', 'K0102', 'L0201', 'U0101'])
      expect(addressProblems({ bruksenhetsnummer: ok })).toEqual([]);
    for (const bad of ['h0101', 'X0101', 'H01011', 'H01A1'])
      expect(addressProblems({ bruksenhetsnummer: bad })).toHaveLength(1);
  });

  it('allows bedrooms up to the number of rooms', () => {
    expect(roomsProblems({ rooms: 3, bedrooms: 3 })).toEqual([]);
    expect(roomsProblems({ rooms: 3, bedrooms: 4 })).toEqual([
      { pointer: '/bedrooms', code: 'dwelling.rooms_invalid' },
    ]);
  });

  it('requires a shared room to belong to shared housing, and nothing else to have a parent', () => {
    expect(parentProblems({ type: 'shared_room', parentId: 'p', parentType: 'shared_housing' })).toEqual([]);
    expect(parentProblems({ type: 'shared_room', parentId: null, parentType: null })).toHaveLength(1);
    expect(parentProblems({ type: 'shared_room', parentId: 'p', parentType: 'flat' })).toHaveLength(1);
    expect(parentProblems({ type: 'shared_room', parentId: 'p', parentType: null })).toHaveLength(1);
    expect(parentProblems({ type: 'flat', parentId: null, parentType: null })).toEqual([]);
    expect(parentProblems({ type: 'flat', parentId: 'p', parentType: 'shared_housing' })).toHaveLength(1);
  });

  it('leaves let and notice_given to the leases', () => {
    expect(isManualStatus('vacant')).toBe(true);
    expect(isManualStatus('ready')).toBe(true);
    expect(isManualStatus('let')).toBe(false);
    expect(isManualStatus('notice_given')).toBe(false);
  });
});
