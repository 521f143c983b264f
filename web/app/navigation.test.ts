import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './navigation';

describe('safeReturnPath', () => {
  it('returns to a path inside the app', () => {
    expect(safeReturnPath('/enheter?x=1')).toBe('/enheter?x=1');
  });

  it('never sends the user to another site or back to login', () => {
    for (const value of ['//evil.example', '/\\evil.example', 'https://evil.example', 'enheter', '', null, 42]) {
      expect(safeReturnPath(value)).toBe('/');
    }
    expect(safeReturnPath('/logg-inn')).toBe('/');
  });
});
