// Members' contracts in the billing file: reading [[contracts]] tables, checking the tariffs
// form, and writing a member's own contract while keeping the rest of the file.
import { describe, expect, it } from 'vitest';

import {
  checkContract, contractOf, normalisePrice, parseContracts, withContract,
} from '../src/contracts.js';
import { versionAt } from '../src/pages/tab_tariffs.js';

// The demo's billing file (src/jobs/demo_billing.cc), shortened.
const DEMO = `# Billing file of the demo community (docs/billing-file.md).
currency = "EUR"

[fee]
kind = "per_kwh_self_consumed"
price_eur = "0.02"
vat = [{ from = 2025-01-01, percent = "21" }]

# Every member: a fixed-price 2.0TD contract.
[[contracts]]
participant = "*"
from = 2025-01-01
tariff = "2.0TD"
zone = "peninsula"
power_eur_per_kw_day = ["0.075903", "0.001988"]
energy_eur_per_kwh = ["0.199", "0.132", "0.098"]
surplus = "fixed"
surplus_eur_per_kwh = "0.06"
charges = [{ name = "Alquiler de contador", eur_per_day = "0.026630" }]
`;

const A = 'ES0021248769868988QM0F';
const B = 'ES0021549223528637LS0F';

const form = (over = {}) => ({
  participant: A, from: '2026-01-01', tariff: '2.0TD', zone: 'peninsula',
  energy: ['0.1812', '0.1234', '0.0876'], power: ['0.07', '0.002'], surplus: 'fixed',
  surplus_price: '0.05', ...over,
});

describe('contracts', () => {
  it('reads the default contract of the demo file', () => {
    const [c, ...rest] = parseContracts(DEMO);
    expect(rest).toEqual([]);
    expect(c.participant).toBe('*');
    expect(c.from).toBe('2025-01-01');
    expect(c.tariff).toBe('2.0TD');
    expect(c.energy).toEqual(['0.199', '0.132', '0.098']);
    expect(c.power).toEqual(['0.075903', '0.001988']);
    expect(c.surplus).toBe('fixed');
    expect(c.surplus_price).toBe('0.06');
    expect(c.keys.charges.value).toEqual([{ name: 'Alquiler de contador', eur_per_day: '0.026630' }]);
    // The header is line 9 (0-based); the table runs to the end of the file (20 lines).
    expect(c.start).toBe(9);
    expect(c.end).toBe(20);
  });

  it('reads multi-line arrays, comments and shared contracts', () => {
    const text = `${DEMO}
[[contracts]]
participants = ["${A}", # first
  "${B}"]
from = 2025-06-01
to = 2026-01-01
tariff = "3.0TD"  # six periods
zone = 'canary'
power_eur_per_kw_day = ["1", "1", "1", "1", "1", "1"]
energy_series = "pvpc-pcb"
`;
    const [, shared] = parseContracts(text);
    expect(shared.participants).toEqual([A, B]);
    expect(shared.to).toBe('2026-01-01');
    expect(shared.tariff).toBe('3.0TD');
    expect(shared.zone).toBe('canary');
    expect(shared.energy).toEqual([]);
    expect(shared.energy_series).toBe('pvpc-pcb');
    expect(shared.surplus).toBe('none');
    // Own contract on a covered day, the default outside it.
    expect(contractOf(parseContracts(text), B, '2025-07-15').tariff).toBe('3.0TD');
    expect(contractOf(parseContracts(text), B, '2025-07-15').own).toBe(true);
    expect(contractOf(parseContracts(text), B, '2026-02-01').participant).toBe('*');
    expect(contractOf(parseContracts(text), B, '2026-02-01').own).toBe(false);
    // A member shares a contract: the form does not rewrite it.
    expect(() => withContract(text, form({ participant: B }))).toThrow(/shared/);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseContracts('[[contracts]]\nparticipant = "unterminated\n')).toThrow();
    expect(() => parseContracts('[[contracts]]\nthis is not toml\n')).toThrow();
  });

  it('checks the form and names the field and period', () => {
    expect(checkContract(form())).toEqual([]);
    expect(checkContract(form({ energy: ['0.1812', 'abc', '0.0876'] }))).toEqual([
      { field: 'energy', period: 2, problem: 'invalid', value: 'abc' }]);
    expect(checkContract(form({ power: ['-0.07', '0.002'] }))).toEqual([
      { field: 'power', period: 1, problem: 'negative', value: '-0.07' }]);
    // 7 decimals are one too many; a decimal comma is fine.
    expect(checkContract(form({ energy: ['0,1812', '0.1234567', '0.0876'] }))).toEqual([
      { field: 'energy', period: 2, problem: 'invalid', value: '0.1234567' }]);
    // 2.0TD has 3 energy periods.
    expect(checkContract(form({ energy: ['0.1', '0.1'] }))).toEqual([
      { field: 'energy', problem: 'count', value: '2', count: 3 }]);
    expect(checkContract(form({ surplus_price: '' }))).toEqual([
      { field: 'surplus_price', problem: 'required', value: '' }]);
    expect(checkContract(form({ surplus: 'none', surplus_price: '' }))).toEqual([]);
    expect(checkContract(form({ from: '2026-02-30x', zone: 'mars', tariff: 'X' })).map((p) => p.field))
      .toEqual(['from', 'tariff', 'zone']);
    expect(normalisePrice(' 0,25 ')).toBe('0.25');
  });

  it('writes a member\'s own contract and keeps the rest of the file', () => {
    const text = withContract(DEMO, form());
    expect(text.startsWith(DEMO.trimEnd())).toBe(true);
    const contracts = parseContracts(text);
    expect(contracts).toHaveLength(2);
    const own = contractOf(contracts, A, '2026-01-01');
    expect(own.own).toBe(true);
    expect(own.from).toBe('2026-01-01');
    expect(own.energy).toEqual(['0.1812', '0.1234', '0.0876']);
    expect(own.surplus_price).toBe('0.05');
    // The meter rental of the default contract is carried over.
    expect(own.keys.charges.value).toEqual([{ name: 'Alquiler de contador', eur_per_day: '0.026630' }]);
    // Others still have the default.
    expect(contractOf(contracts, B, '2026-01-01').participant).toBe('*');

    // Saving again replaces the member's own contract instead of adding an overlapping one.
    const again = withContract(text, form({ energy: ['0,2', '0.15', '0.1'], surplus: 'none',
      surplus_price: '' }));
    const after = parseContracts(again);
    expect(after).toHaveLength(2);
    expect(after[1].energy).toEqual(['0.2', '0.15', '0.1']);
    expect(after[1].surplus).toBe('none');
    expect(after[1].keys.surplus_eur_per_kwh).toBeUndefined();
    expect(again).not.toMatch(/\n\n\n/);
  });

  it('changes the version in force on the chosen day', () => {
    const versions = [{ id: 1, valid_from: '2025-01-01' }, { id: 3, valid_from: '2026-01-01' },
      { id: 2, valid_from: '2027-01-01' }];
    expect(versionAt(versions, '2026-06-01').id).toBe(3);
    expect(versionAt(versions, '2026-01-01').id).toBe(3);
    expect(versionAt(versions, '2027-02-01').id).toBe(2);
    // Before the first version: the first one's text.
    expect(versionAt(versions, '2024-06-01').id).toBe(1);
    expect(versionAt([], '2024-06-01')).toEqual({});
  });
});
