// Accounts page (#/accounts, admins only): the table of user accounts with their grants (CSV and
// XLSX download), a form to add an account (community and, for members, supply point chosen from
// the API), and per account: name / role / language, grants, a new password (which ends that
// user's sessions) and deletion after a confirmation. The API's messages (422 naming the field)
// are shown next to the form that sent the request. Endpoints: docs/api.md "Accounts (admin)".
import { communityPath, enc, get, listOf, pick, post, put, request } from '../api.js';
import {
  ACCOUNT_LANGUAGES, addGrant, checkAccount, exportRows, grantFor, grantLabel, MIN_PASSWORD,
  removeGrant, ROLES, sortUsers, suggestPassword,
} from '../accounts_model.js';
import { append, clear, h, replace } from '../dom.js';
import { t } from '../i18n/index.js';
import { session, setCommunityName } from '../session.js';
import { card, errorBox, exportButtons, loading, okBox } from '../ui.js';

// Names for grant labels and the supply-point lists, loaded once per page.
function makeDirectory() {
  const communities = new Map(); // id -> name
  const participants = new Map(); // "community/participant" -> name
  const details = new Map(); // community -> Promise<[{id, name, role}]>
  return {
    names: { communities, participants },
    async loadCommunities() {
      const list = listOf(await get('/api/communities'), 'communities');
      for (const c of list) communities.set(pick(c, 'id', 'community'), pick(c, 'name') || '');
      return list.map((c) => ({ id: pick(c, 'id', 'community'), name: pick(c, 'name') || '' }));
    },
    supplyPoints(community) {
      if (!details.has(community)) {
        details.set(community, get(communityPath(community)).then((d) => {
          const list = listOf(d, 'participants').map((p) => ({ id: pick(p, 'id', 'participant'),
            name: pick(p, 'name') || '', role: p.role }));
          for (const p of list) participants.set(`${community}/${p.id}`, p.name);
          return list;
        }).catch((e) => {
          details.delete(community);
          throw e;
        }));
      }
      return details.get(community);
    },
  };
}

const roleLabel = (role) => t(`role.${role}`);
const languageLabel = (code) => (code ? t(`lang.${code}`) : t('accounts.language_browser'));

function select(attrs, options, value) {
  return h('select', attrs, options.map(([v, label]) =>
    h('option', { value: v, selected: v === value ? true : undefined }, label)));
}

function problemsText(problems) {
  return problems.map((p) => t(p.key, p.params)).join('\n');
}

// A message area next to a form: error (the API's message) or success.
function messageArea(testid) {
  const el = h('div', { 'data-testid': testid, 'aria-live': 'polite' });
  return {
    el,
    error: (e) => replace(el, errorBox(e)),
    ok: (text) => replace(el, okBox(text)),
    clear: () => clear(el),
  };
}

// Community select + supply-point select (filled from GET /api/communities/{c}).
function grantPicker(dir, communities, { idPrefix, withSupplyPoint }) {
  const community = select({ id: `${idPrefix}-community`, 'data-testid': `${idPrefix}-community` },
    [['', t('accounts.choose_community')], ...communities.map((c) => [c.id, c.name ? `${c.name} (${c.id})` : c.id])], '');
  const participant = h('select', { id: `${idPrefix}-participant`, 'data-testid': `${idPrefix}-participant`,
    disabled: true }, h('option', { value: '' }, t('accounts.choose_supply_point')));
  const spLabel = h('label', { for: `${idPrefix}-participant` }, t('accounts.supply_point'));
  const problem = h('span', { class: 'bad small', role: 'status' });
  async function fillParticipants() {
    replace(participant, h('option', { value: '' }, t('accounts.choose_supply_point')));
    participant.disabled = true;
    problem.textContent = '';
    if (!community.value) return;
    try {
      const list = await dir.supplyPoints(community.value);
      append(participant, list.map((p) => h('option', { value: p.id },
        p.name ? `${p.name} (${p.id})` : p.id)));
      participant.disabled = false;
    } catch (e) {
      problem.textContent = e.message;
    }
  }
  community.addEventListener('change', fillParticipants);
  const setMode = (showSupplyPoint) => {
    spLabel.hidden = !showSupplyPoint;
    participant.hidden = !showSupplyPoint;
  };
  setMode(withSupplyPoint);
  return {
    community,
    participant,
    setMode,
    fields: [h('label', { for: `${idPrefix}-community` }, t('accounts.community')), community,
      spLabel, h('span', {}, participant, problem)],
    value: () => ({ community: community.value, participant: participant.hidden ? '' : participant.value }),
  };
}

function addForm(dir, communities, onAdded) {
  const msg = messageArea('account-add-message');
  const email = h('input', { id: 'acc-email', type: 'email', autocomplete: 'off', required: true,
    'data-testid': 'account-email' });
  const name = h('input', { id: 'acc-name', type: 'text', autocomplete: 'off', 'data-testid': 'account-name' });
  const password = h('input', { id: 'acc-password', type: 'text', autocomplete: 'new-password',
    minlength: MIN_PASSWORD, required: true, 'data-testid': 'account-password',
    'aria-describedby': 'acc-password-hint' });
  const role = select({ id: 'acc-role', 'data-testid': 'account-role' },
    ROLES.map((r) => [r, roleLabel(r)]), 'member');
  const language = select({ id: 'acc-language', 'data-testid': 'account-language' },
    ACCOUNT_LANGUAGES.map((l) => [l, languageLabel(l)]), '');
  const picker = grantPicker(dir, communities, { idPrefix: 'account-grant', withSupplyPoint: true });
  const grantRow = picker.fields;
  const onRole = () => {
    const r = role.value;
    picker.setMode(r === 'member');
    for (const el of grantRow.slice(0, 2)) el.hidden = r === 'admin';
  };
  role.addEventListener('change', onRole);
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'account-submit' },
    t('accounts.add_submit'));
  const form = h('form', {
    class: 'editor',
    'data-testid': 'account-add',
    novalidate: true,
    onsubmit: async (e) => {
      e.preventDefault();
      msg.clear();
      const g = picker.value();
      const account = { email: email.value.trim(), password: password.value, role: role.value,
        language: language.value, display_name: name.value.trim(),
        grants: grantFor(role.value, g.community, g.participant) };
      const problems = checkAccount(account);
      for (const el of [email, password]) el.removeAttribute('aria-invalid');
      if (problems.length) {
        for (const p of problems) {
          if (p.field === 'email') email.setAttribute('aria-invalid', 'true');
          if (p.field === 'password') password.setAttribute('aria-invalid', 'true');
        }
        msg.error(problemsText(problems));
        return;
      }
      submit.disabled = true;
      try {
        const created = await post('/api/users', account);
        msg.ok(t('accounts.added', { email: created.email }));
        form.reset();
        onRole();
        picker.participant.disabled = true;
        onAdded(created);
      } catch (err) {
        msg.error(err);
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('h3', {}, t('accounts.add_title')),
  h('div', { class: 'fields' },
    h('label', { for: 'acc-email' }, t('login.email')), email,
    h('label', { for: 'acc-name' }, t('accounts.display_name')), name,
    h('label', { for: 'acc-password' }, t('login.password')),
    h('span', {}, password, ' ',
      h('button', { type: 'button', class: 'small', 'data-testid': 'account-suggest',
        onclick: () => { password.value = suggestPassword(); } }, t('accounts.suggest_password'))),
    h('span'), h('span', { id: 'acc-password-hint', class: 'muted small' },
      t('accounts.password_hint', { n: MIN_PASSWORD })),
    h('label', { for: 'acc-role' }, t('accounts.role')), role,
    h('label', { for: 'acc-language' }, t('accounts.language')), language,
    grantRow),
  h('div', { class: 'actions' }, submit),
  msg.el);
  return form;
}

// The panel for one account: profile, grants, password, delete.
function editPanel(user, dir, communities, { onChanged, onDeleted, onClose }) {
  const self = session.me?.user?.id === user.id;
  const panel = h('section', { class: 'card editor', 'data-testid': 'account-edit',
    'aria-label': t('accounts.edit_title', { email: user.email }) });
  const id = enc(String(user.id));

  // Profile.
  const profileMsg = messageArea('account-profile-message');
  const name = h('input', { id: 'edit-name', type: 'text', value: user.display_name || '',
    'data-testid': 'edit-name' });
  const role = select({ id: 'edit-role', 'data-testid': 'edit-role', disabled: self ? true : undefined },
    ROLES.map((r) => [r, roleLabel(r)]), user.role);
  const language = select({ id: 'edit-language', 'data-testid': 'edit-language' },
    ACCOUNT_LANGUAGES.map((l) => [l, languageLabel(l)]), user.language || '');
  const profile = h('form', {
    onsubmit: async (e) => {
      e.preventDefault();
      profileMsg.clear();
      const body = { display_name: name.value.trim(), language: language.value };
      if (!self) body.role = role.value;
      try {
        const saved = await put(`/api/users/${id}`, body);
        profileMsg.ok(t('accounts.saved'));
        onChanged({ ...user, ...saved });
      } catch (err) {
        profileMsg.error(err);
      }
    },
  },
  h('h3', {}, t('accounts.profile')),
  h('div', { class: 'fields' },
    h('label', { for: 'edit-name' }, t('accounts.display_name')), name,
    h('label', { for: 'edit-role' }, t('accounts.role')),
    h('span', {}, role, self ? h('span', { class: 'muted small' }, ' ', t('accounts.own_role')) : null),
    h('label', { for: 'edit-language' }, t('accounts.language')), language),
  h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-testid': 'edit-save' }, t('accounts.save'))),
  profileMsg.el);

  // Grants: edited locally, saved together.
  const grantsMsg = messageArea('account-grants-message');
  let grants = (user.grants || []).map((g) => ({ community: g.community, participant: g.participant || '' }));
  const list = h('ul', { 'data-testid': 'edit-grants' });
  const drawGrants = () => replace(list, grants.length === 0
    ? h('li', { class: 'muted' }, user.role === 'admin' ? t('accounts.admin_sees_all') : t('accounts.no_grants'))
    : grants.map((g, i) => h('li', {}, grantLabel(g, dir.names), ' ',
      h('button', { type: 'button', class: 'small', 'aria-label': t('accounts.remove_grant_of', { grant: grantLabel(g, dir.names) }),
        onclick: () => { grants = removeGrant(grants, i); drawGrants(); } }, t('accounts.remove')))));
  drawGrants();
  const picker = grantPicker(dir, communities, { idPrefix: 'edit-grant', withSupplyPoint: true });
  const wholeCommunity = h('input', { type: 'checkbox', id: 'edit-grant-whole', 'data-testid': 'edit-grant-whole',
    checked: user.role === 'manager' });
  const syncWhole = () => picker.setMode(!wholeCommunity.checked);
  wholeCommunity.addEventListener('change', syncWhole);
  syncWhole();
  const grantsForm = h('form', {
    onsubmit: async (e) => {
      e.preventDefault();
      grantsMsg.clear();
      try {
        const saved = await put(`/api/users/${id}/grants`, { grants });
        grants = saved.grants || grants;
        drawGrants();
        grantsMsg.ok(t('accounts.saved'));
        onChanged({ ...user, grants });
      } catch (err) {
        grantsMsg.error(err);
      }
    },
  },
  h('h3', {}, t('accounts.grants')),
  list,
  h('div', { class: 'fields' },
    picker.fields,
    h('label', { for: 'edit-grant-whole' }, t('accounts.whole_community')), wholeCommunity),
  h('div', { class: 'actions' },
    h('button', { type: 'button', 'data-testid': 'edit-grant-add', onclick: () => {
      grantsMsg.clear();
      const g = picker.value();
      if (!g.community || (!wholeCommunity.checked && !g.participant)) {
        grantsMsg.error(t(g.community ? 'accounts.error_member_grant' : 'accounts.choose_community'));
        return;
      }
      grants = addGrant(grants, wholeCommunity.checked ? { community: g.community } : g);
      drawGrants();
    } }, t('accounts.add_grant')),
    h('button', { type: 'submit', 'data-testid': 'edit-grants-save' }, t('accounts.save_grants'))),
  grantsMsg.el);

  // Password.
  const passwordMsg = messageArea('account-password-message');
  const password = h('input', { id: 'edit-password', type: 'text', autocomplete: 'new-password',
    minlength: MIN_PASSWORD, 'data-testid': 'edit-password' });
  const passwordForm = h('form', {
    onsubmit: async (e) => {
      e.preventDefault();
      passwordMsg.clear();
      const problems = checkAccount({ password: password.value }, { isNew: false });
      if (problems.length) {
        passwordMsg.error(problemsText(problems));
        return;
      }
      try {
        await put(`/api/users/${id}/password`, { password: password.value });
        password.value = '';
        passwordMsg.ok(t(self ? 'accounts.password_set_self' : 'accounts.password_set', { email: user.email }));
      } catch (err) {
        passwordMsg.error(err);
      }
    },
  },
  h('h3', {}, t('accounts.password_title')),
  h('p', { class: 'muted small' }, t('accounts.password_ends_sessions')),
  h('div', { class: 'fields' },
    h('label', { for: 'edit-password' }, t('accounts.new_password')),
    h('span', {}, password, ' ', h('button', { type: 'button', class: 'small',
      onclick: () => { password.value = suggestPassword(); } }, t('accounts.suggest_password')))),
  h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-testid': 'edit-password-save' },
    t('accounts.set_password'))),
  passwordMsg.el);

  // Delete, after a confirmation in the page.
  const deleteMsg = messageArea('account-delete-message');
  // (.actions sets display: flex, which would override `hidden`: the box is a plain wrapper.)
  const confirmBox = h('div', { hidden: true, role: 'alertdialog', 'data-testid': 'delete-dialog',
    'aria-label': t('accounts.delete_confirm', { email: user.email }) },
  h('p', {}, h('strong', {}, t('accounts.delete_confirm', { email: user.email }))),
  h('div', { class: 'actions' },
  h('button', { type: 'button', class: 'primary', 'data-testid': 'delete-confirm', onclick: async () => {
    try {
      await request('DELETE', `/api/users/${id}`);
      onDeleted(user);
    } catch (err) {
      deleteMsg.error(err);
      confirmBox.hidden = true;
    }
  } }, t('accounts.delete_yes')),
  h('button', { type: 'button', 'data-testid': 'delete-cancel',
    onclick: () => { confirmBox.hidden = true; } }, t('accounts.cancel'))));
  const deleteSection = h('div', {},
    h('h3', {}, t('accounts.delete_title')),
    self ? h('p', { class: 'muted small' }, t('accounts.own_delete')) : null,
    h('div', { class: 'actions' }, h('button', { type: 'button', 'data-testid': 'account-delete',
      disabled: self ? true : undefined, onclick: () => { deleteMsg.clear(); confirmBox.hidden = false; } },
    t('accounts.delete'))),
    confirmBox, deleteMsg.el);

  append(panel,
    h('div', { class: 'table-head' },
      h('h2', {}, t('accounts.edit_title', { email: user.email })),
      h('button', { type: 'button', class: 'small', 'data-testid': 'edit-close', onclick: onClose },
        t('accounts.close'))),
    profile, grantsForm, passwordForm, deleteSection);
  return panel;
}

export function renderAccounts() {
  setCommunityName('');
  if (session.me?.user?.role !== 'admin') {
    return { node: card(t('accounts.title'),
      h('div', { class: 'msg error', role: 'alert', 'data-testid': 'accounts-forbidden' },
        t('accounts.not_allowed'))) };
  }
  const dir = makeDirectory();
  const status = h('div', { 'aria-live': 'polite', 'data-testid': 'accounts-status' });
  const tableHolder = h('div', {}, loading());
  const editHolder = h('div');
  const addHolder = h('div');
  let users = [];
  let communities = [];
  let editing = null; // user id

  const drawTable = () => {
    const sorted = sortUsers(users);
    const rows = sorted.map((u) => h('tr', { 'data-testid': 'account-row', 'data-email': u.email },
      h('td', {}, u.email),
      h('td', {}, u.display_name || '–'),
      h('td', {}, roleLabel(u.role)),
      h('td', {}, languageLabel(u.language || '')),
      h('td', {}, (u.grants || []).length === 0
        ? h('span', { class: 'muted' }, u.role === 'admin' ? t('accounts.admin_sees_all') : t('accounts.no_grants'))
        : h('ul', {}, u.grants.map((g) => h('li', {}, grantLabel(g, dir.names))))),
      h('td', {}, h('button', { type: 'button', class: 'small', 'data-testid': 'account-edit-open',
        'aria-label': t('accounts.edit_title', { email: u.email }),
        onclick: () => openEditor(u.id) }, t('accounts.edit')))));
    replace(tableHolder, h('div', { class: 'table-block', 'data-testid': 'accounts' },
      h('div', { class: 'table-head' }, h('h3', {}, t('accounts.count', { n: users.length })),
        exportButtons({ data: () => exportRows(sorted), name: 'accounts', testid: 'accounts' })),
      h('div', { class: 'table-scroll' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, t('accounts.title')),
        h('thead', {}, h('tr', {}, [t('login.email'), t('accounts.display_name'), t('accounts.role'),
          t('accounts.language'), t('accounts.grants'), t('accounts.actions')]
          .map((label) => h('th', { scope: 'col' }, label)))),
        h('tbody', {}, rows)))));
  };

  const openEditor = (userId) => {
    editing = userId;
    const user = users.find((u) => u.id === userId);
    if (!user) {
      clear(editHolder);
      return;
    }
    replace(editHolder, editPanel(user, dir, communities, {
      onChanged: (changed) => {
        users = users.map((u) => (u.id === changed.id ? { ...u, ...changed } : u));
        drawTable();
      },
      onDeleted: (gone) => {
        users = users.filter((u) => u.id !== gone.id);
        editing = null;
        clear(editHolder);
        replace(status, okBox(t('accounts.deleted', { email: gone.email })));
        drawTable();
      },
      onClose: () => { editing = null; clear(editHolder); },
    }));
    editHolder.scrollIntoView?.({ block: 'nearest' });
  };

  const load = async () => {
    try {
      const [list, cs] = await Promise.all([get('/api/users'), dir.loadCommunities()]);
      users = listOf(list, 'users');
      communities = cs;
      // Names of the supply points in grants (one detail request per community used).
      const used = [...new Set(users.flatMap((u) => (u.grants || []).filter((g) => g.participant)
        .map((g) => g.community)))];
      await Promise.all(used.map((c) => dir.supplyPoints(c).catch(() => [])));
      drawTable();
      replace(addHolder, addForm(dir, communities, (created) => {
        users = [...users, created];
        replace(status);
        if (created.grants?.some((g) => g.participant)) {
          dir.supplyPoints(created.grants[0].community).catch(() => []).then(drawTable);
        } else {
          drawTable();
        }
      }));
      if (editing !== null) openEditor(editing);
    } catch (e) {
      replace(tableHolder, e.status === 403
        ? h('div', { class: 'msg error', role: 'alert', 'data-testid': 'accounts-forbidden' }, t('accounts.not_allowed'))
        : errorBox(e));
    }
  };
  load();
  return {
    node: h('div', { class: 'accounts' },
      card(t('accounts.title'), h('p', { class: 'muted' }, t('accounts.intro')), status, tableHolder),
      editHolder,
      card('', addHolder)),
  };
}
