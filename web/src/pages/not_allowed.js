// The polite page shown instead of a page the user may not open (a member typing a manager's
// address): says so, links home, and asks the server for nothing.
import { h } from '../dom.js';
import { t } from '../i18n/index.js';

export function renderNotAllowed() {
  return {
    node: h('section', { class: 'card not-allowed', 'data-testid': 'not-allowed', role: 'alert' },
      h('h1', {}, t('access.title')),
      h('p', {}, t('access.text')),
      h('p', {}, h('a', { href: '#/', 'data-testid': 'not-allowed-home' }, t('access.home')))),
  };
}

// Whether the signed-in person may open a community route: managers and admins any (the server
// still answers 403 for communities that are not theirs); members only the dashboard of one of
// their own supply points (#/communities/{c}/participants/{p}).
export function mayOpenCommunityRoute(me, parts) {
  const role = me?.user?.role;
  if (role === 'manager' || role === 'admin') return true;
  if (parts[0] !== 'communities' || parts[2] !== 'participants' || !parts[3]) return false;
  return (me?.grants || []).some((g) => g.community === parts[1] && g.participant === parts[3]);
}
