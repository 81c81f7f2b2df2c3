// Alerts tab: installation alerts, days without generation data.
import { communityPath, get, listOf } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { card, fill, table } from '../ui.js';

export function renderAlerts(ctx) {
  const c = ctx.community;
  const url = communityPath(c, '/alerts');
  const out = h('div');
  fill(out, async () => {
    const rows = listOf(await get(url), 'alerts');
    return table({ rows, url, name: `alerts_${c}`, empty: t('alerts.none'), testid: 'alerts' });
  });
  return { node: card(t('tab.alerts'), h('p', { class: 'muted' }, t('alerts.intro')), out) };
}
