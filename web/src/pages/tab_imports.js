// Imports tab: upload a utility export from the browser (POST .../imports, the raw file as the
// body, its name in X-File-Name). All or nothing: on error the server's message (file, line,
// what) is shown as is; on success a summary; below, the list of past imports.
import { communityPath, get, listOf, request } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n/index.js';
import { card, errorBox, fieldLabel, fill, table } from '../ui.js';

function summary(body) {
  if (!body || typeof body !== 'object') return h('p', {}, String(body ?? ''));
  const entries = Object.entries(body).filter(([, v]) => v === null || typeof v !== 'object');
  const files = listOf(body, 'files');
  return h('div', { class: 'msg ok', role: 'status', 'data-testid': 'import-ok' },
    h('strong', {}, t('imports.done')),
    h('dl', { class: 'summary' }, entries.map(([k, v]) => [h('dt', {}, fieldLabel(k)), h('dd', {}, String(v ?? '–'))])),
    files.length ? table({ rows: files, name: 'import_files' }) : null);
}

export function renderImports(ctx) {
  const c = ctx.community;
  const url = communityPath(c, '/imports');
  const list = h('div');
  const result = h('div', { 'aria-live': 'polite', 'data-testid': 'import-result' });
  const file = h('input', { type: 'file', id: 'import-file', required: true, 'data-testid': 'import-file' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'import-submit' },
    t('imports.upload'));
  const loadList = () => fill(list, async () => {
    const rows = listOf(await get(url), 'imports');
    return table({ caption: t('imports.history'), rows, url, name: `imports_${c}` });
  });
  const form = h('form', {
    class: 'editor',
    onsubmit: async (e) => {
      e.preventDefault();
      const f = file.files && file.files[0];
      if (!f) return;
      submit.disabled = true;
      replace(result, h('p', { class: 'muted' }, t('imports.uploading')));
      try {
        const body = await request('POST', url, {
          body: f,
          headers: { 'Content-Type': f.type || 'application/octet-stream', 'X-File-Name': /^[\x20-\x7e]+$/.test(f.name) ? f.name : encodeURIComponent(f.name) },
        });
        replace(result, summary(body));
        loadList();
      } catch (err) {
        const box = errorBox(err);
        box.dataset.testid = 'import-error';
        replace(result, h('p', {}, t('imports.failed', { name: f.name })), box);
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('p', { class: 'muted' }, t('imports.hint')),
  h('label', { for: 'import-file' }, t('imports.file')), ' ', file, ' ', submit,
  result);
  loadList();
  return { node: card(t('tab.imports'), form, list) };
}
