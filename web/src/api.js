// The JSON API client (docs/api.md): same-origin fetch with the session cookie, the CSRF token
// (kept in memory from login or GET /api/me) sent as X-CSRF-Token on every state-changing request,
// and errors turned into ApiError carrying the API's error.message. A 401 calls the handler set
// with onUnauthorized (the app sends the user to the login page).

import { saveBlob } from './csv.js';

let csrfToken = '';
let unauthorizedHandler = null;

export class ApiError extends Error {
  constructor(status, code, message, retryAfter) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

export function setCsrfToken(token) {
  csrfToken = token || '';
}

export function csrf() {
  return csrfToken;
}

export function onUnauthorized(fn) {
  unauthorizedHandler = fn;
}

async function errorFrom(response) {
  let code = 'http_' + response.status;
  let message = `${response.status} ${response.statusText || ''}`.trim();
  try {
    const body = await response.json();
    if (body && body.error) {
      code = body.error.code || code;
      message = body.error.message || message;
    }
  } catch {
    // not JSON: keep the status line
  }
  const retry = response.headers.get('Retry-After');
  return new ApiError(response.status, code, message, retry ? Number(retry) : undefined);
}

// request(method, path, {json, body, headers, raw, skip401}) -> parsed JSON, Response (raw), or
// null for 204.
export async function request(method, path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network', e && e.message ? e.message : 'network error');
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && !options.skip401 && unauthorizedHandler) unauthorizedHandler();
    throw error;
  }
  if (options.raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) return response.json();
  return response.text();
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, json, options = {}) => request('POST', path, { ...options, json });
export const put = (path, json, options = {}) => request('PUT', path, { ...options, json });

export function withQuery(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

// Downloads a file from the API (keeps the cookie; the server names it).
export async function download(path, fallbackName) {
  const response = await request('GET', path, { raw: true, headers: { Accept: '*/*' } });
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = m ? decodeURIComponent(m[1]) : fallbackName;
  saveBlob(name, blob);
  return name;
}

export const enc = encodeURIComponent;
export function communityPath(community, rest = '') {
  return `/api/communities/${enc(community)}${rest}`;
}

// Lists come either as an array or wrapped ({"communities": [...]}); returns the array.
export function listOf(body, ...keys) {
  if (Array.isArray(body)) return body;
  if (!body || typeof body !== 'object') return [];
  for (const k of keys) if (Array.isArray(body[k])) return body[k];
  for (const v of Object.values(body)) if (Array.isArray(v)) return v;
  return [];
}

// The first defined field among `names`.
export function pick(obj, ...names) {
  if (!obj) return undefined;
  for (const n of names) if (obj[n] !== undefined && obj[n] !== null) return obj[n];
  return undefined;
}
