// Starts a throw-away reparto for the browser tests: `reparto demo --db <tmp>/reparto.db`, then
// `reparto serve --db ... --port 0 --web-root <dist>`, and waits for the line
// "reparto is running at http://127.0.0.1:PORT/". The demo accounts are read from what serve
// prints (lines with an e-mail address, a role and a password), unless given by environment:
// REPARTO_E2E_MEMBER / REPARTO_E2E_MANAGER = "email:password".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const URL_LINE = /reparto is running at (http:\/\/[^\s/]+(?::\d+)?\/?)/;

export function makeDemoDb(binary, dir) {
  const db = path.join(dir, 'reparto.db');
  // A demo database made earlier by the same binary (REPARTO_E2E_DEMO_DB), copied: saves the
  // half minute `reparto demo` takes when running the scenarios again and again.
  const ready = process.env.REPARTO_E2E_DEMO_DB;
  if (ready) {
    fs.copyFileSync(ready, db);
    return { db, output: '' };
  }
  const demo = spawnSync(binary, ['demo', '--db', db], { encoding: 'utf8', timeout: 600_000 });
  if (demo.status !== 0) {
    throw new Error(`reparto demo failed (${demo.status}):\n${demo.stdout}\n${demo.stderr}`);
  }
  return { db, output: demo.stdout };
}

// Accounts in free text: each line with an e-mail; the role is the word member/manager/admin on
// that line; the password the token after "password" (or after the e-mail and a separator).
export function parseAccounts(text) {
  const accounts = [];
  for (const line of text.split('\n')) {
    const email = /[\w.+-]+@[\w.-]+\.\w+/.exec(line);
    if (!email) continue;
    const role = (/\b(member|manager|admin)\b/i.exec(line) || [])[1];
    const after = line.slice(email.index + email[0].length);
    const pw = /password\W+(\S+)/i.exec(line) || /^\s*[:/,|]\s*(\S+)/.exec(after) ||
      /^\s+(\S+)/.exec(after);
    accounts.push({
      email: email[0],
      role: role ? role.toLowerCase() : '',
      password: pw ? pw[1].replace(/[),;]+$/, '') : '',
    });
  }
  return accounts;
}

function fromEnv(name) {
  const v = process.env[name];
  if (!v) return null;
  const i = v.indexOf(':');
  return { email: v.slice(0, i), password: v.slice(i + 1) };
}

// The demo accounts of docs/auth.md, used when serve's output names none.
export const DEMO_ACCOUNTS = [
  { email: 'admin@reparto.demo', password: 'demo-admin-2025', role: 'admin' },
  { email: 'manager@reparto.demo', password: 'demo-manager-2025', role: 'manager' },
  { email: 'member1@reparto.demo', password: 'demo-member1-2025', role: 'member' },
  { email: 'member2@reparto.demo', password: 'demo-member2-2025', role: 'member' },
];

export function pickAccount(accounts, role, envName) {
  const env = fromEnv(envName);
  if (env) return env;
  const found = accounts.find((a) => a.role === role && a.password) ||
    accounts.find((a) => a.email.startsWith(role) && a.password) ||
    DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!found) {
    throw new Error(`no ${role} account in the server's output; set ${envName}=email:password`);
  }
  return found;
}

// `binary` "mock" runs e2e/mock-server.mjs instead (front-end smoke test without the server).
export async function startServer({ binary, webRoot, log }) {
  const mock = path.basename(binary || '') === 'mock';
  if (!mock && (!binary || !fs.existsSync(binary))) {
    throw new Error(`reparto binary not found: '${binary}' (set REPARTO_BINARY or pass its path)`);
  }
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`${webRoot}/index.html is missing: run scripts/build-web.sh first`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reparto-e2e-'));
  const demo = mock ? { output: '' } : makeDemoDb(binary, dir);
  const command = mock ? process.execPath : binary;
  const args = mock
    ? [new URL('./mock-server.mjs', import.meta.url).pathname, '--web-root', webRoot]
    : ['serve', '--db', demo.db, '--port', '0', '--web-root', webRoot];
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk.toString();
      if (log) log(chunk.toString());
      const m = URL_LINE.exec(output);
      if (m) {
        clearTimeout(timer);
        // Let the banner (demo accounts) finish printing.
        setTimeout(() => resolve(m[1].endsWith('/') ? m[1] : `${m[1]}/`), 300);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before printing its URL:\n${output}`));
    });
  });
  child.stdout.on('data', (c) => { output += c.toString(); });
  child.stderr.on('data', (c) => { output += c.toString(); });
  const accounts = parseAccounts(output + '\n' + demo.output);
  return {
    url,
    dir,
    accounts,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => {
          const t = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 5000);
          child.on('exit', () => { clearTimeout(t); resolve(); });
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
