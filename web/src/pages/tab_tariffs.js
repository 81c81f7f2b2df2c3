// Tariffs tab: the billing-config text (tariffs per member, docs/billing-file.md) with its
// version list and a form saving a new version (PUT {valid_from, text}).
import { communityPath, get, listOf, pick, put } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDay, todayLocal } from '../format.js';
import { lang, t } from '../i18n/index.js';
import { card, errorBox, fill, okBox, table } from '../ui.js';

export function renderTariffs(ctx) {
  const c = ctx.community;
  const url = communityPath(c, '/billing-config');
  const out = h('div');
  const reload = () => fill(out, async () => {
    const body = await get(url);
    const versions = listOf(body, 'versions', 'history');
    const current = versions[versions.length - 1] || {};
    const text = h('textarea', { id: 'tariff-text', rows: 18, spellcheck: 'false',
      class: 'code', 'data-testid': 'tariff-text', value: pick(current, 'text') || '' });
    text.value = pick(current, 'text') || '';
    const validFrom = h('input', { type: 'date', id: 'tariff-valid-from', required: true,
      value: todayLocal() });
    const result = h('div', { 'aria-live': 'polite' });
    const L = lang();
    return h('div', {},
      table({
        caption: t('tariffs.versions'),
        rows: versions,
        name: `billing_config_versions_${c}`,
        columns: [
          { key: 'valid_from', label: t('coef.valid_from'), format: (v) => formatDay(L, v) },
          { key: 'saved_at', label: t('coef.created'), format: (v) => v || '–' },
          { key: 'text', label: '', format: (v) => (v ? h('button', { type: 'button', class: 'small',
            onclick: () => { text.value = v; text.focus(); } }, t('tariffs.load')) : '–') },
        ],
      }),
      h('form', {
        class: 'editor',
        onsubmit: async (e) => {
          e.preventDefault();
          replace(result);
          try {
            await put(url, { valid_from: validFrom.value, text: text.value });
            replace(result, okBox(t('tariffs.saved')));
            setTimeout(reload, 1200);
          } catch (err) {
            replace(result, errorBox(err));
          }
        },
      },
      h('h3', {}, t('tariffs.new_version')),
      h('p', { class: 'muted' }, t('tariffs.hint')),
      h('div', { class: 'fields' }, h('label', { for: 'tariff-valid-from' }, t('coef.valid_from')), validFrom),
      h('label', { for: 'tariff-text', class: 'visually-hidden' }, t('tariffs.text')),
      text,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('tariffs.save'))),
      result));
  });
  reload();
  return { node: card(t('tab.tariffs'), out) };
}
