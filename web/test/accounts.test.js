// The Accounts page's pure logic (src/accounts_model.js).
import { describe, expect, it } from 'vitest';

import {
  addGrant, checkAccount, exportRows, grantFor, grantLabel, removeGrant, sortUsers, suggestPassword,
} from '../src/accounts_model.js';

const C = 'ES0021000000000001AB1F';
const P = 'ES0021000000000001AA';

describe('grantFor', () => {
  it('gives a member one supply point, a manager the community, an admin nothing', () => {
    expect(grantFor('member', C, P)).toEqual([{ community: C, participant: P }]);
    expect(grantFor('manager', C, P)).toEqual([{ community: C, participant: '' }]);
    expect(grantFor('admin', C, P)).toEqual([]);
    expect(grantFor('member', C, '')).toEqual([]);
    expect(grantFor('member', '', P)).toEqual([]);
  });
});

describe('checkAccount', () => {
  const ok = { email: 'ana@example.org', password: '0123456789', role: 'member', language: 'es',
    grants: [{ community: C, participant: P }] };
  it('accepts a complete new member', () => {
    expect(checkAccount(ok)).toEqual([]);
  });
  it('names each field like the API does', () => {
    const fields = (a, o) => checkAccount(a, o).map((p) => p.field);
    expect(fields({ ...ok, email: '' })).toEqual(['email']);
    expect(fields({ ...ok, email: 'ana.example.org' })).toEqual(['email']);
    expect(fields({ ...ok, password: '123456789' })).toEqual(['password']); // 9 < 10
    expect(fields({ ...ok, role: 'boss' })).toEqual(['role']);
    expect(fields({ ...ok, language: 'fr' })).toEqual(['language']);
    expect(fields({ ...ok, grants: [] })).toEqual(['participant']);
    expect(fields({ ...ok, role: 'admin', grants: [] })).toEqual([]);
    expect(checkAccount({ ...ok, password: 'short' })[0].params).toEqual({ n: 10 });
  });
  it('checks only what an edit changes', () => {
    expect(checkAccount({ role: 'manager' }, { isNew: false })).toEqual([]);
    expect(checkAccount({ password: 'abc' }, { isNew: false }).map((p) => p.field)).toEqual(['password']);
  });
});

describe('grants', () => {
  it('labels with names when known, ids otherwise', () => {
    const names = { communities: new Map([[C, 'Solar Valley']]),
      participants: new Map([[`${C}/${P}`, 'Casa Ana']]) };
    expect(grantLabel({ community: C, participant: '' }, names)).toBe('Solar Valley');
    expect(grantLabel({ community: C, participant: P }, names)).toBe(`Solar Valley › Casa Ana (${P})`);
    expect(grantLabel({ community: 'X', participant: 'Y' })).toBe('X › Y');
  });
  it('adds without duplicates and removes by position', () => {
    const one = addGrant([], { community: C, participant: P });
    expect(addGrant(one, { community: C, participant: P })).toEqual(one);
    const two = addGrant(one, { community: C });
    expect(two).toEqual([{ community: C, participant: P }, { community: C, participant: '' }]);
    expect(removeGrant(two, 0)).toEqual([{ community: C, participant: '' }]);
  });
});

describe('table', () => {
  const users = [
    { id: 3, email: 'b@x.org', display_name: 'B', role: 'member', language: '',
      grants: [{ community: C, participant: P }, { community: C, participant: 'Q' }] },
    { id: 1, email: 'z@x.org', display_name: '', role: 'admin', language: 'en', grants: [] },
    { id: 2, email: 'a@x.org', display_name: 'Ann, "the boss"', role: 'manager', language: 'pt',
      grants: [{ community: C, participant: '' }] },
  ];
  it('sorts admins, then managers, then members, by e-mail', () => {
    expect(sortUsers(users).map((u) => u.id)).toEqual([1, 2, 3]);
  });
  it('exports one row per user with the grants joined', () => {
    const { header, rows } = exportRows(sortUsers(users));
    expect(header).toEqual(['id', 'email', 'display_name', 'role', 'language', 'grants']);
    expect(rows[1]).toEqual([2, 'a@x.org', 'Ann, "the boss"', 'manager', 'pt', C]);
    expect(rows[2][5]).toBe(`${C}/${P}; ${C}/Q`);
  });
});

describe('suggestPassword', () => {
  it('is long enough and uses no look-alike characters', () => {
    const p = suggestPassword(4, (n) => Array.from({ length: n }, (_, i) => i * 7));
    expect(p).toHaveLength(10);
    expect(p).not.toMatch(/[il1oO0I]/);
    expect(suggestPassword()).toHaveLength(14);
  });
});
