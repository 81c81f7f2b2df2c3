// Manager's list of communities (CAUs) with last month's generation and savings.
import { get, listOf, pick } from '../api.js';
import { h } from '../dom.js';
import { formatEuro, formatKwh, formatMonth, formatNumber } from '../format.js';
import { lang, t } from '../i18n/index.js';
import { communityNames, setCommunityName } from '../session.js';
import { card, fill, table } from '../ui.js';

export function renderCommunities() {
  setCommunityName('');
  const out = h('div');
  fill(out, async () => {
    const rows = listOf(await get('/api/communities'), 'communities');
    for (const r of rows) if (r.id && r.name) communityNames.set(r.id, r.name);
    const L = lang();
    return table({
      rows,
      name: 'communities',
      testid: 'communities',
      columns: [
        { key: 'name', label: t('communities.name'),
          format: (v, r) => h('a', { href: `#/communities/${encodeURIComponent(r.id)}`,
            'data-testid': 'community-link' }, v || r.id) },
        { key: 'id', label: t('communities.id') },
        { key: 'country', label: t('communities.country') },
        { key: 'member_count', label: t('communities.members'), className: 'num',
          format: (v, r) => formatNumber(L, pick(r, 'participant_count', 'member_count')) },
        { key: 'last_month', label: t('common.month'), format: (v) => (v ? formatMonth(L, v) : '–') },
        { key: 'last_month_generation_kwh', label: t('communities.generation'), className: 'num',
          format: (v) => formatKwh(L, v, 0) },
        { key: 'last_month_savings', label: t('communities.savings'), className: 'num',
          format: (v) => formatEuro(L, v) },
      ],
    });
  });
  return { node: card(t('communities.title'), h('p', { class: 'muted' }, t('communities.intro')), out) };
}
