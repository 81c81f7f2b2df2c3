// The single-page app: session (GET /api/me), hash routing, the top bar (community name, language
// switcher, user menu) and page mounting. Pages are functions (ctx) -> {node, destroy?}.
import './styles.css';

import { onUnauthorized, post, put } from './api.js';
import { append, clear, h, replace } from './dom.js';
import {
  initialLanguage, lang, LANGUAGES, onLanguageChange, setLanguage, t,
} from './i18n/index.js';
import { renderAccounts } from './pages/accounts.js';
import { renderCommunities } from './pages/communities.js';
import { renderCommunity } from './pages/community.js';
import { renderLogin } from './pages/login.js';
import { renderMember } from './pages/member.js';
import { mayOpenCommunityRoute, renderNotAllowed } from './pages/not_allowed.js';
import {
  clearSession, isManager, loadMe, onCommunityName, session as app, setCommunityName,
} from './session.js';
import { errorBox } from './ui.js';

let current = null; // the mounted page

const root = document.getElementById('app');
const topbar = h('header', { class: 'topbar' });
const main = h('main', { id: 'main', tabindex: '-1' });
const skip = h('a', { href: '#main', class: 'skip' });
append(clear(root), skip, topbar, main);

function languageSelect() {
  return h(
    'label',
    { class: 'lang' },
    h('span', { class: 'visually-hidden' }, t('top.language')),
    h(
      'select',
      {
        'data-testid': 'language',
        'aria-label': t('top.language'),
        onchange: (e) => changeLanguage(e.target.value),
      },
      LANGUAGES.map((code) =>
        h('option', { value: code, selected: code === lang() ? true : undefined },
          t(`lang.${code}`))),
    ),
  );
}

async function changeLanguage(code) {
  setLanguage(code);
  if (app.me) {
    try {
      await put('/api/me/language', { language: code });
    } catch {
      // The choice is kept in this browser even if the server could not store it.
    }
  }
}

function renderTopbar() {
  const user = app.me?.user;
  skip.textContent = t('top.skip');
  replace(
    topbar,
    h('a', { class: 'brand', href: '#/' }, 'reparto'),
    h('span', { class: 'community-name', 'data-testid': 'community-name' }, app.communityName),
    h('span', { class: 'spacer' }),
    languageSelect(),
    user
      ? h(
          'details',
          { class: 'user-menu' },
          h('summary', { 'data-testid': 'user-menu' }, user.display_name || user.email),
          h(
            'div',
            { class: 'menu' },
            h('p', { class: 'muted' }, user.email),
            h('p', { class: 'muted' }, t(`role.${user.role}`)),
            isManager() ? h('a', { href: '#/communities' }, t('nav.communities')) : null,
            user.role === 'admin'
              ? h('a', { href: '#/accounts', 'data-testid': 'nav-accounts' }, t('accounts.nav'))
              : null,
            h('a', { href: '#/' }, t('nav.home')),
            h('button', { type: 'button', 'data-testid': 'logout', onclick: logout }, t('top.logout')),
          ),
        )
      : null,
  );
}

async function logout() {
  try {
    await post('/api/logout', undefined, { skip401: true });
  } catch {
    // Logged out anyway from this page's point of view.
  }
  clearSession();
  location.hash = '#/login';
  renderTopbar();
}

function parseRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, queryText] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: new URLSearchParams(queryText || '') };
}

async function route() {
  if (current && current.destroy) current.destroy();
  current = null;
  const { parts, query } = parseRoute();
  if (!app.me && parts[0] !== 'login') {
    await loadMe();
    if (!app.me) {
      location.hash = '#/login';
      return;
    }
  }
  renderTopbar();
  const ctx = { parts, query, navigate: (hash) => (location.hash = hash) };
  let page;
  try {
    if (parts[0] === 'login') {
      setCommunityName('');
      page = renderLogin(ctx);
    } else if (parts.length === 0) {
      location.hash = isManager() ? '#/communities' : '#/me';
      return;
    } else if (parts[0] === 'accounts') {
      page = renderAccounts(ctx);
    } else if (parts[0] === 'me') {
      page = renderMember(ctx);
    } else if (parts[0] === 'communities' && !mayOpenCommunityRoute(app.me, parts)) {
      page = renderNotAllowed(ctx);
    } else if (parts[0] === 'communities' && parts.length === 1) {
      page = renderCommunities(ctx);
    } else if (parts[0] === 'communities' && parts[2] === 'participants' && parts[3]) {
      page = renderMember({ ...ctx, only: { community: parts[1], participant: parts[3] } });
    } else if (parts[0] === 'communities') {
      page = renderCommunity({ ...ctx, community: parts[1], tab: parts[2] || 'members' });
    } else {
      page = { node: h('section', { class: 'card' }, h('h1', {}, t('common.not_found'))) };
    }
  } catch (e) {
    page = { node: errorBox(e) };
  }
  current = page;
  replace(main, page.node);
  document.title = `reparto${app.communityName ? ' · ' + app.communityName : ''}`;
}

onCommunityName((name) => {
  const el = topbar.querySelector('.community-name');
  if (el) el.textContent = name;
  document.title = `reparto${name ? ' · ' + name : ''}`;
});

onUnauthorized(() => {
  clearSession();
  if (!location.hash.startsWith('#/login')) location.hash = '#/login';
});

setLanguage(initialLanguage(), { remember: false });
onLanguageChange(() => route());
window.addEventListener('hashchange', route);
route();
