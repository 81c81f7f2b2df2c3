// Manager's list of communities (CAUs) with last month's generation and savings.
import { get, listOf, pick } from '../api.js';
import { h } from '../dom.js';
import { formatEuro, formatKwh, formatNumber } from '../format.js';
import { lang, t } from '../i18n/index.js';
import { setCommunityName } from '../session.js';
import { card, fill, table } from '../ui.js';

export function renderCommunities() {
  setCommunityName('');
  const out = h('div');
  fill(out, async () => {
    const rows = listOf(await get('/api/communities'), 'communities');
    const L = lang();
    return table({
      rows,
      url: '/api/communities',
      name: 'communities',
      testid: 'communities',
      columns: [
        { key: 'name', label: t('communities.name'),
          format: (v, r) => h('a', { href: `#/communities/${encodeURIComponent(r.id)}`,
            'data-testid': 'community-link' }, v || r.id) },
        { key: 'id', label: t('communities.id') },
        { key: 'country', label: t('communities.country') },
        { key: 'member_count', label: t('communities.members'), className: 'num',
          format: (v, r) => formatNumber(L, v ?? r.members ?? r.participants) },
        { key: 'generation_kwh', label: t('communities.generation'), className: 'num',
          format: (v, r) => formatKwh(L, v ?? pick(r, 'last_month_generation_kwh')
            ?? pick(r.last_month || {}, 'generation_kwh'), 0) },
        { key: 'savings_eur', label: t('communities.savings'), className: 'num',
          format: (v, r) => formatEuro(L, v ?? pick(r, 'last_month_savings_eur', 'savings')
            ?? pick(r.last_month || {}, 'savings_eur', 'savings')) },
      ],
    });
  });
  return { node: card(t('communities.title'), h('p', { class: 'muted' }, t('communities.intro')), out) };
}
