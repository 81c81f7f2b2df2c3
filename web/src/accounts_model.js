// The Accounts page's pure logic (no DOM, no fetch; unit-tested in test/accounts.test.js): the
// same checks as the API before anything is sent (docs/api.md "Accounts (admin)"), the grant a
// form makes for each role, grant labels with community and supply-point names, the rows of the
// CSV/XLSX download, and a random password suggestion.

export const ROLES = ['member', 'manager', 'admin'];
export const ACCOUNT_LANGUAGES = ['', 'es', 'pt', 'en'];
export const MIN_PASSWORD = 10;

// The grant the add-account form gives: a member one supply point of the community, a manager the
// whole community, an admin none (they see everything). Returns [] when nothing was chosen.
export function grantFor(role, community, participant) {
  if (!community || role === 'admin') return [];
  if (role === 'manager') return [{ community, participant: '' }];
  return participant ? [{ community, participant }] : [];
}

// Problems found before sending, as {field, key, params} (key: an i18n key of accounts.*).
// `account`: {email, password, role, language, grants}; `isNew` asks for e-mail and password.
export function checkAccount(account, { isNew = true } = {}) {
  const problems = [];
  if (isNew) {
    const email = String(account.email || '').trim();
    if (!email) problems.push({ field: 'email', key: 'accounts.error_email_missing' });
    else if (!/^[^@\s]+@[^@\s]+$/.test(email)) problems.push({ field: 'email', key: 'accounts.error_email' });
  }
  if (isNew || account.password !== undefined) {
    const password = String(account.password || '');
    if (password.length < MIN_PASSWORD) {
      problems.push({ field: 'password', key: 'accounts.error_password', params: { n: MIN_PASSWORD } });
    }
  }
  if (account.role !== undefined && !ROLES.includes(account.role)) {
    problems.push({ field: 'role', key: 'accounts.error_role' });
  }
  if (account.language !== undefined && !ACCOUNT_LANGUAGES.includes(account.language)) {
    problems.push({ field: 'language', key: 'accounts.error_language' });
  }
  if (isNew && account.role === 'member' && (!account.grants || account.grants.length === 0)) {
    problems.push({ field: 'participant', key: 'accounts.error_member_grant' });
  }
  return problems;
}

// "Community name › Supply point name (id)" from the names known so far.
// names: {communities: Map id->name, participants: Map "community/participant" -> name}.
export function grantLabel(grant, names = {}) {
  const community = names.communities?.get(grant.community) || grant.community;
  if (!grant.participant) return community;
  const sp = names.participants?.get(`${grant.community}/${grant.participant}`);
  return `${community} › ${sp ? `${sp} (${grant.participant})` : grant.participant}`;
}

// Adds a grant unless an equal one is there; returns a new array.
export function addGrant(grants, grant) {
  const same = (g) => g.community === grant.community && (g.participant || '') === (grant.participant || '');
  return grants.some(same) ? grants.slice() : [...grants, { community: grant.community,
    participant: grant.participant || '' }];
}

export function removeGrant(grants, index) {
  return grants.filter((_, i) => i !== index);
}

// Users sorted by role (admins first) then e-mail.
export function sortUsers(users) {
  const rank = (r) => { const i = ROLES.indexOf(r); return i < 0 ? 9 : 2 - i; };
  return users.slice().sort((a, b) => rank(a.role) - rank(b.role) || a.email.localeCompare(b.email));
}

// The table as downloaded: one row per user, grants as "community/participant" joined by "; ".
export function exportRows(users) {
  return {
    header: ['id', 'email', 'display_name', 'role', 'language', 'grants'],
    rows: users.map((u) => [u.id, u.email, u.display_name || '', u.role, u.language || '',
      (u.grants || []).map((g) => (g.participant ? `${g.community}/${g.participant}` : g.community))
        .join('; ')]),
  };
}

// A readable random password (no look-alike characters), `length` ≥ MIN_PASSWORD.
export function suggestPassword(length = 14, random = (n) => {
  const a = new Uint32Array(n);
  globalThis.crypto.getRandomValues(a);
  return Array.from(a);
}) {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const n = Math.max(length, MIN_PASSWORD);
  return random(n).map((v) => alphabet[v % alphabet.length]).join('');
}
