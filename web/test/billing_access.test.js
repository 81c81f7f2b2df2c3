// The payment status of an invoice's balance row, and which community routes a member may open.
import { describe, expect, it } from 'vitest';

import { balanceStatus, parseAmount } from '../src/pages/tab_billing.js';
import { mayOpenCommunityRoute } from '../src/pages/not_allowed.js';

describe('balance status', () => {
  const row = (over) => ({ total: 2.04, credited: 0, paid: 0, outstanding: 2.04, due_date: '2026-12-23',
    ...over });
  it('follows the amounts and the due date', () => {
    expect(balanceStatus(row(), '2026-11-23')).toBe('unpaid');
    expect(balanceStatus(row(), '2026-12-23')).toBe('unpaid'); // due today: not yet overdue
    expect(balanceStatus(row(), '2026-12-24')).toBe('overdue');
    expect(balanceStatus(row({ paid: 1, outstanding: 1.04 }), '2027-01-01')).toBe('partly_paid');
    expect(balanceStatus(row({ paid: '2.04', outstanding: '0.00' }), '2027-01-01')).toBe('paid');
    // Overpaid is paid; a credit note cancelling the invoice is "credited".
    expect(balanceStatus(row({ paid: 5, outstanding: -2.96 }))).toBe('paid');
    expect(balanceStatus(row({ credited: -2.04, outstanding: 0 }))).toBe('credited');
    // A refund (negative payment) opens the invoice again.
    expect(balanceStatus(row({ paid: 0, outstanding: 2.04 }), '2026-11-23')).toBe('unpaid');
    // 0.1 + 0.2 style float noise in euros does not leave a cent outstanding.
    expect(balanceStatus(row({ paid: 0.30000000000000004, total: 0.3, outstanding: -4e-17 }))).toBe('paid');
  });
});

describe('payment amounts', () => {
  it('takes euros with at most 2 decimals, a decimal comma, negatives for refunds', () => {
    expect(parseAmount('12.34')).toBe('12.34');
    expect(parseAmount(' 1,5 ')).toBe('1.5');
    expect(parseAmount('-2,04')).toBe('-2.04');
    expect(parseAmount('7')).toBe('7');
    expect(parseAmount('12,3x')).toBeNull();
    expect(parseAmount('1.234')).toBeNull();
    expect(parseAmount('1.234,56')).toBeNull();
    expect(parseAmount('0,00')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });
});

describe('community routes', () => {
  const member = { user: { role: 'member' }, grants: [{ community: 'C1', participant: 'P1' }] };
  it('lets managers and admins open any community route', () => {
    expect(mayOpenCommunityRoute({ user: { role: 'manager' } }, ['communities', 'C9', 'billing'])).toBe(true);
    expect(mayOpenCommunityRoute({ user: { role: 'admin' } }, ['communities'])).toBe(true);
  });
  it('lets a member open only the dashboard of their own supply point', () => {
    expect(mayOpenCommunityRoute(member, ['communities', 'C1', 'participants', 'P1'])).toBe(true);
    expect(mayOpenCommunityRoute(member, ['communities', 'C1', 'participants', 'P2'])).toBe(false);
    expect(mayOpenCommunityRoute(member, ['communities', 'C2', 'participants', 'P1'])).toBe(false);
    expect(mayOpenCommunityRoute(member, ['communities', 'C1', 'members'])).toBe(false);
    expect(mayOpenCommunityRoute(member, ['communities', 'C1'])).toBe(false);
    expect(mayOpenCommunityRoute(member, ['communities'])).toBe(false);
    expect(mayOpenCommunityRoute(null, ['communities', 'C1', 'participants', 'P1'])).toBe(false);
  });
});
