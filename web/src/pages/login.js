// Login page: e-mail and password to POST /api/login; shows the API's message for bad
// credentials and the waiting time for 429 (Retry-After).
import { post } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { loggedIn } from '../session.js';

export function renderLogin(ctx) {
  const message = h('div', { class: 'login-message', 'aria-live': 'polite' });
  const email = h('input', { type: 'email', name: 'email', id: 'login-email', autocomplete: 'username',
    required: true, 'data-testid': 'login-email' });
  const password = h('input', { type: 'password', name: 'password', id: 'login-password',
    autocomplete: 'current-password', required: true, 'data-testid': 'login-password' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'login-submit' },
    t('login.submit'));
  const form = h(
    'form',
    {
      class: 'card login',
      onsubmit: async (e) => {
        e.preventDefault();
        message.textContent = '';
        message.className = 'login-message';
        submit.disabled = true;
        try {
          const body = await post('/api/login', { email: email.value.trim(), password: password.value },
            { skip401: true });
          await loggedIn(body);
          ctx.navigate('#/');
        } catch (err) {
          message.className = 'login-message msg error';
          message.setAttribute('role', 'alert');
          if (err.status === 429) {
            message.textContent = err.retryAfter
              ? t('login.too_many_wait', { seconds: err.retryAfter })
              : t('login.too_many');
          } else if (err.status === 401) {
            message.textContent = err.message || t('login.bad_credentials');
          } else {
            message.textContent = err.message;
          }
        } finally {
          submit.disabled = false;
        }
      },
    },
    h('h1', {}, t('login.title')),
    h('p', { class: 'muted' }, t('login.intro')),
    h('label', { for: 'login-email' }, t('login.email')),
    email,
    h('label', { for: 'login-password' }, t('login.password')),
    password,
    submit,
    message,
  );
  return { node: h('div', { class: 'login-wrap' }, form) };
}
