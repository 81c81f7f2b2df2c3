// The logged-in user (GET /api/me: user, grants, csrf_token) shared by the pages, and the
// community name shown in the top bar.
import { get, setCsrfToken } from './api.js';
import { LANGUAGES, savedLanguage, setLanguage } from './i18n/index.js';

export const session = {
  me: null, // {user, grants, csrf_token}
  communityName: '',
};

let nameHook = () => {};
export function onCommunityName(fn) {
  nameHook = fn;
}

// Community id -> name, from the lists already loaded (the top bar shows it at once).
export const communityNames = new Map();

export function setCommunityName(name) {
  session.communityName = name || '';
  nameHook(session.communityName);
}

export function isManager() {
  const role = session.me?.user?.role;
  return role === 'manager' || role === 'admin';
}

export async function loadMe() {
  try {
    const me = await get('/api/me', { skip401: true });
    session.me = { user: me.user, grants: me.grants || [], csrf_token: me.csrf_token };
    setCsrfToken(me.csrf_token);
    const l = me.user?.language;
    if (!savedLanguage() && LANGUAGES.includes(l)) setLanguage(l, { remember: false });
  } catch {
    session.me = null;
  }
  return session.me;
}

// After POST /api/login: keep the token and fetch the grants from /api/me.
export async function loggedIn(body) {
  setCsrfToken(body.csrf_token);
  const me = await loadMe();
  if (!me) session.me = { user: body.user, grants: body.grants || [], csrf_token: body.csrf_token };
  if (!session.me.csrf_token) {
    session.me.csrf_token = body.csrf_token;
    setCsrfToken(body.csrf_token);
  }
}

export function clearSession() {
  session.me = null;
  setCsrfToken('');
}
