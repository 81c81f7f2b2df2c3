// Alerts tab: installation alerts, days without generation data.
import { communityPath, get, listOf } from '../api.js';
import { h } from '../dom.js';
import { formatDay } from '../format.js';
import { lang, t } from '../i18n/index.js';
import { card, fill, table } from '../ui.js';

export function renderAlerts(ctx) {
  const c = ctx.community;
  const url = communityPath(c, '/alerts');
  const out = h('div');
  fill(out, async () => {
    const rows = listOf(await get(url), 'alerts');
    const L = lang();
    const columns = rows.length
      ? Object.keys(rows[0]).map((key) => ({
          key,
          label: t(`field.${key}`) === `field.${key}` ? key : t(`field.${key}`),
          format: /^(day|date|from|to)$/.test(key) ? (v) => formatDay(L, v) : undefined,
        }))
      : undefined;
    return table({ rows, url, name: `alerts_${c}`, columns, empty: t('alerts.none'), testid: 'alerts' });
  });
  return { node: card(t('tab.alerts'), h('p', { class: 'muted' }, t('alerts.intro')), out) };
}
