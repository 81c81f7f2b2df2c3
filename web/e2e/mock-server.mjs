// A stand-in for `reparto serve` for front-end work without the C++ server: serves web/dist and
// a small in-memory imitation of the API (the shapes of docs/api.md and src/api) with one
// community, four members, live events every second, a year of series. It is NOT the product:
// the browser tests run against the real server; this only lets the pages be developed and
// smoke-tested alone:   node web/e2e/mock-server.mjs [--port 8080] [--web-root web/dist]
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const C = 'ES0031300000000001AB1F';
const PARTICIPANTS = [
  { id: 'ES0031300000000101XA0F', name: 'Ana García', role: 'consumer', latitude: 40.4168, longitude: -3.7038, email: 'ana@example.org', phone: '600000001' },
  { id: 'ES0031300000000102XA0F', name: 'Bar Luis', role: 'consumer', latitude: 40.4175, longitude: -3.7025, email: 'luis@example.org', phone: '600000002' },
  { id: 'ES0031300000000103XA0F', name: 'Escuela', role: 'consumer', latitude: 40.4160, longitude: -3.7050, email: 'escuela@example.org', phone: '' },
  { id: 'ES0031300000000104XA0F', name: 'Oficina', role: 'consumer', latitude: 40.4182, longitude: -3.7044, email: '', phone: '' },
  { id: 'ES0031300000000900PV1F', name: 'Planta FV', role: 'producer', latitude: 40.4170, longitude: -3.7032, email: '', phone: '' },
];
const USERS = [
  { id: 1, email: 'member1@reparto.demo', password: 'demo-member1-2025', role: 'member', display_name: 'Ana',
    grants: [{ community: C, participant: PARTICIPANTS[0].id }] },
  { id: 2, email: 'manager@reparto.demo', password: 'demo-manager-2025', role: 'manager', display_name: 'Gestora',
    grants: [{ community: C, participant: '' }] },
];
const sessions = new Map(); // token -> {user, csrf}
let coefVersions = [{ version: 1, valid_from: '2025-01-01', created_at: '2025-01-01T00:00:00+01:00',
  note: 'demo', method: 'fixed', in_force: true, in_force_to: null, replaced_by: null,
  coefficients: Object.fromEntries(PARTICIPANTS.slice(0, 4).map((p) => [p.id, '0.250000'])) }];
const attempts = new Map();

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
const error = (res, status, code, message, headers) => json(res, status, { error: { code, message } }, headers);

function who(req) {
  const m = /reparto_session=([^;]+)/.exec(req.headers.cookie || '');
  return m ? sessions.get(m[1]) : null;
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function series(from, to, resolution) {
  const d0 = new Date(`${from}T00:00:00Z`);
  const d1 = new Date(`${to}T00:00:00Z`);
  const days = Math.round((d1 - d0) / 86400000) + 1;
  const hourly = [];
  for (let d = 0; d < days; d++) {
    for (let h = 0; h < 24; h++) {
      const sun = Math.max(0, Math.sin(((h - 6) / 12) * Math.PI));
      const c = 300 + 200 * Math.sin(h / 3) ** 2 + 50 * (d % 7);
      const imp = Math.round(900 * sun);
      const sc = Math.min(c, imp);
      hourly.push({ day: d, c: Math.round(c), imp, sc: Math.round(sc), sp: imp - Math.round(sc), g: Math.round(c - sc) });
    }
  }
  const keys = { consumption_wh: 'c', imputed_wh: 'imp', self_consumed_wh: 'sc', surplus_wh: 'sp', grid_wh: 'g' };
  const out = { community: C, from, to, resolution, start: `${from}T00:00:00+01:00` };
  if (resolution === 'interval') {
    out.step_seconds = 3600;
    for (const [k, f] of Object.entries(keys)) out[k] = hourly.map((x) => x[f]);
    return out;
  }
  const bucket = (x) => {
    const d = new Date(d0.getTime() + x.day * 86400000).toISOString();
    return resolution === 'day' ? d.slice(0, 10) : d.slice(0, 7);
  };
  const labels = [...new Set(hourly.map(bucket))];
  out.labels = labels;
  for (const [k, f] of Object.entries(keys)) {
    out[k] = labels.map((l) => hourly.filter((x) => bucket(x) === l).reduce((a, x) => a + x[f], 0));
  }
  return out;
}

async function api(req, res, url) {
  const p = url.pathname;
  const method = req.method;
  if (method === 'POST' && p === '/api/login') {
    const body = JSON.parse((await readBody(req)).toString() || '{}');
    const failures = attempts.get(body.email) || 0;
    if (failures >= 5) {
      return error(res, 429, 'rate_limited', 'too many failed logins, try again in 900 seconds',
        { 'Retry-After': '900' });
    }
    const user = USERS.find((u) => u.email === body.email && u.password === body.password);
    if (!user) {
      attempts.set(body.email, failures + 1);
      return error(res, 401, 'bad_credentials', 'wrong e-mail or password');
    }
    const token = crypto.randomBytes(32).toString('hex');
    const csrf = crypto.randomBytes(16).toString('hex');
    sessions.set(token, { user, csrf });
    return json(res, 200, { user: pub(user), grants: user.grants, csrf_token: csrf },
      { 'Set-Cookie': `reparto_session=${token}; HttpOnly; SameSite=Strict; Path=/` });
  }
  const s = who(req);
  if (!s) return error(res, 401, 'unauthorized', 'log in first');
  if (method !== 'GET' && req.headers['x-csrf-token'] !== s.csrf) {
    return error(res, 403, 'forbidden', 'missing or wrong CSRF token');
  }
  const manager = s.user.role !== 'member';
  if (p === '/api/logout') { sessions.delete(/reparto_session=([^;]+)/.exec(req.headers.cookie)[1]); res.writeHead(204); return res.end(); }
  if (p === '/api/me') return json(res, 200, { user: pub(s.user), grants: s.user.grants, csrf_token: s.csrf });
  if (p === '/api/me/language') { s.user.language = JSON.parse((await readBody(req)).toString()).language; return json(res, 200, { user: pub(s.user), grants: s.user.grants, csrf_token: s.csrf }); }
  if (p === '/api/communities') {
    return json(res, 200, { communities: [{ id: C, name: 'Comunidad Solar Demo', country: 'ES', timezone: 'Europe/Madrid',
      step_seconds: 3600, participant_count: 5, manager, last_month: '2026-10', last_month_generation_kwh: '10234.500', last_month_savings: '812.40' }] });
  }
  const base = `/api/communities/${C}`;
  if (p === base) {
    const visible = manager ? PARTICIPANTS : PARTICIPANTS.filter((x) => s.user.grants.some((g) => g.participant === x.id));
    return json(res, 200, { id: C, name: 'Comunidad Solar Demo', country: 'ES', participants: visible.map((x) => ({ ...x, joined: '2025-01-01', left: null })) });
  }
  if (p === `${base}/live`) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.write('retry: 2000\n\n');
    let i = 0;
    const send = () => {
      i++;
      const pts = PARTICIPANTS.slice(0, 4).filter((x) => manager || s.user.grants.some((g) => g.participant === x.id))
        .map((x) => ({ time: new Date().toISOString(), participant: x.id, consumption_w: 400 + ((i * 37) % 200),
          generation_w: 23000 + i * 10, imputed_w: 410 + (i % 5), self_consumed_w: 400, used_percent: 80.2 }));
      res.write(`event: live\ndata: ${JSON.stringify({ time: new Date().toISOString(), replay_of: '2025-06-01T12:00:00+02:00', community: null, participants: pts })}\n\n`);
    };
    send();
    const timer = setInterval(send, 1000);
    req.on('close', () => clearInterval(timer));
    return undefined;
  }
  let m;
  if ((m = /^\/participants\/([^/]+)\/(series|economics|best-hours|invoices)$/.exec(p.slice(base.length)))) {
    const [, pid, what] = m;
    if (!manager && !s.user.grants.some((g) => g.participant === pid)) return error(res, 403, 'forbidden', 'not yours');
    if (what === 'series') return json(res, 200, series(url.searchParams.get('from'), url.searchParams.get('to'), url.searchParams.get('resolution')));
    if (what === 'economics') {
      let cum = 0; let ce = 0;
      return json(res, 200, { year: url.searchParams.get('year'), months: Array.from({ length: 12 }, (_, k) => {
        const sv = 20 + 10 * Math.sin(k / 2); cum += sv; ce += 22;
        return { month: `${url.searchParams.get('year')}-${String(k + 1).padStart(2, '0')}`, without_community: '80.00', with_community: (80 - sv).toFixed(2),
          fee: '3.00', savings: sv.toFixed(2), expected_savings: '22.00', cumulative_savings: cum.toFixed(2), cumulative_expected_savings: ce.toFixed(2), avoided_co2_kg: '12.5' };
      }) });
    }
    if (what === 'best-hours') return json(res, 200, { date: url.searchParams.get('date'), best: [12, 13, 15], hours: Array.from({ length: 24 }, (_, h) => ({ hour: h, expected_kwh: Math.max(0, Math.sin(((h - 6) / 12) * Math.PI) * 40).toFixed(3) })) });
    return json(res, 200, { invoices: [{ number: 'F2025-0001', kind: 'invoice', participant: pid, member_name: 'Ana', period_from: '2025-05-01', period_to: '2025-05-31', issue_date: '2025-06-02', total: '41.20', lines: [] }] });
  }
  if (!manager) return error(res, 403, 'forbidden', 'managers only');
  const rest = p.slice(base.length);
  const fmt = url.searchParams.get('format');
  if (rest === '/members') {
    if (fmt === 'csv') { res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename="members_${C}.csv"` }); return res.end('participant,name\n'); }
    return json(res, 200, { members: PARTICIPANTS.map((x) => ({ participant: x.id, name: x.name, role: x.role, joined: '2025-01-01', left: null, contracted_power_kw: 5.75, building: '', email: x.email, phone: x.phone, latitude: x.latitude, longitude: x.longitude })) });
  }
  if (rest === '/coefficients' && method === 'GET') return json(res, 200, { community: C, versions: coefVersions, in_force_now: coefVersions.find((v) => v.in_force), warnings: [] });
  if (rest === '/coefficients' && method === 'POST') {
    const body = JSON.parse((await readBody(req)).toString());
    const sum = Object.values(body.coefficients).reduce((a, v) => a + Math.round(Number(v) * 1e6), 0);
    if (sum !== 1e6) return error(res, 422, 'unprocessable', `coefficients add up to ${sum / 1e6}, not 1`);
    const v = { version: coefVersions.length + 1, valid_from: body.valid_from, created_at: new Date().toISOString(), note: body.note || '', method: 'fixed', in_force: true, in_force_to: null, replaced_by: null, coefficients: body.coefficients };
    coefVersions = [...coefVersions, v];
    return json(res, 201, { version: v, revision: 2, warnings: [] });
  }
  if (rest === '/coefficients/distributor-file') {
    const y = url.searchParams.get('year');
    const v = coefVersions[coefVersions.length - 1];
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Disposition': `attachment; filename="${C}_${y}.txt"` });
    return res.end(Object.entries(v.coefficients).map(([id, c]) => `${id};${c.replace('.', ',')}`).join('\n') + '\n');
  }
  if (rest === '/imports' && method === 'POST') {
    const name = req.headers['x-file-name'];
    const body = (await readBody(req)).toString();
    if (!/^\d/.test(body.split('\n')[1] || '')) return error(res, 422, 'unprocessable', `${name}: line 2, column 2: "not a date" is not a date (nothing was imported)`);
    return json(res, 201, { source: name, rows: 1 });
  }
  if (rest === '/imports') return json(res, 200, { imports: [] });
  if (rest === '/alerts') return json(res, 200, { alerts: [{ day: '2025-03-02', participant: PARTICIPANTS[4].id, kind: 'no_generation', message: 'no generation data' }] });
  if (rest === '/billing-config') return json(res, 200, { versions: [{ id: 1, valid_from: '2025-01-01', saved_at: '2025-01-01T00:00:00Z', text: '[tariff]\nenergy = 0.15\n' }] });
  if (rest === '/billing/runs') return json(res, 200, { runs: [] });
  if (rest === '/bills') return json(res, 200, { month: url.searchParams.get('month'), bills: [], warnings: [] });
  if (rest === '/invoices') return json(res, 200, { invoices: [] });
  if (rest === '/payments/balances') return json(res, 200, { balances: [] });
  return error(res, 404, 'not_found', `no route ${p}`);
}

function pub(u) {
  return { id: u.id, email: u.email, display_name: u.display_name, role: u.role, language: u.language || '' };
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

export function startMock({ port = 0, webRoot }) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    try {
      if (url.pathname.startsWith('/api/')) return await api(req, res, url);
      let file = path.join(webRoot, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
      if (!file.startsWith(webRoot) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(webRoot, 'index.html');
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Security-Policy': "default-src 'self'" });
      return res.end(fs.readFileSync(file));
    } catch (e) {
      return error(res, 500, 'internal', 'internal error');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
  const webRoot = path.resolve(arg('--web-root', path.join(here, '..', 'dist')));
  const server = await startMock({ port: Number(arg('--port', 0)), webRoot });
  console.log(`reparto is running at http://127.0.0.1:${server.address().port}/`);
  console.log('Demo accounts (mock):');
  for (const u of USERS) console.log(`  ${u.role.padEnd(8)} ${u.email}  password: ${u.password}`);
}
