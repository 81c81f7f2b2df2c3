// Members tab: the table of supply points (join/leave dates, contacts) and a map drawn as SVG
// from their coordinates (equirectangular, fitted to the points; no tile service).
import { communityPath, enc, get, listOf, pick } from '../api.js';
import { h, s } from '../dom.js';
import { formatDay } from '../format.js';
import { lang, t } from '../i18n/index.js';
import { projectPoints, scaleBar } from '../projection.js';
import { card, fill, table } from '../ui.js';

const ROLE_COLOURS = { producer: '#E69F00', prosumer: '#009E73', consumer: '#0072B2' };

export function memberMap(rows) {
  const W = 640;
  const H = 400;
  const points = projectPoints(
    rows.map((r) => ({ id: pick(r, 'participant', 'id'), name: r.name, role: r.role,
      latitude: pick(r, 'latitude', 'lat'), longitude: pick(r, 'longitude', 'lon', 'lng') })),
    W, H, 30);
  if (points.length === 0) return h('p', { class: 'muted' }, t('members.no_coordinates'));
  const bar = scaleBar(points.pxPerDegree, W / 4);
  const barText = bar ? (bar.metres >= 1000 ? `${bar.metres / 1000} km` : `${bar.metres} m`) : '';
  return s(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': t('members.map'),
      'data-testid': 'member-map' },
    s('rect', { x: 0, y: 0, width: W, height: H, class: 'map-bg' }),
    points.map((p) =>
      s('g', { class: 'map-point' },
        s('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: p.role === 'producer' ? 9 : 6,
          fill: ROLE_COLOURS[p.role] || '#0072B2', stroke: '#fff', 'stroke-width': 1.5 },
        s('title', {}, `${p.name || p.id} (${p.id})`)))),
    bar ? s('g', { class: 'map-scale', 'data-testid': 'map-scale' },
      s('line', { x1: W - 20 - bar.px, y1: H - 20, x2: W - 20, y2: H - 20, stroke: '#1a1a1a', 'stroke-width': 3 }),
      s('text', { x: W - 20 - bar.px / 2, y: H - 28, 'text-anchor': 'middle' }, barText)) : null,
    s('g', { class: 'map-legend' },
      Object.entries(ROLE_COLOURS).map(([role, colour], i) =>
        s('g', {},
          s('circle', { cx: 16, cy: 16 + i * 18, r: 6, fill: colour }),
          s('text', { x: 28, y: 20 + i * 18 }, t(`role_sp.${role}`))))),
  );
}

export function renderMembers(ctx) {
  const c = ctx.community;
  const out = h('div');
  const url = communityPath(c, '/members');
  fill(out, async () => {
    const rows = listOf(await get(url), 'members', 'participants');
    const L = lang();
    return h('div', { class: 'members' },
      table({
        rows,
        url,
        name: `members_${c}`,
        testid: 'members',
        columns: [
          { key: 'name', label: t('members.name'), format: (v, r) =>
            h('a', { href: `#/communities/${enc(c)}/participants/${enc(r.participant)}` },
              v || r.participant) },
          { key: 'participant', label: t('members.supply_point') },
          { key: 'role', label: t('members.role'), format: (v) => (v ? t(`role_sp.${v}`) : '–') },
          { key: 'joined', label: t('members.join'), format: (v) => (v ? formatDay(L, v) : '–') },
          { key: 'left', label: t('members.leave'), format: (v) => (v ? formatDay(L, v) : '–') },
          { key: 'email', label: t('members.email'),
            format: (v) => (v ? h('a', { href: `mailto:${v}` }, v) : '–') },
          { key: 'phone', label: t('members.phone'), format: (v) => v || '–' },
        ],
      }),
      h('h3', {}, t('members.map')),
      memberMap(rows));
  });
  return { node: card(t('tab.members'), out) };
}
