// Every text key exists in Spanish, Portuguese and English, none is empty, the placeholders
// agree, and every key the pages use (t('...') in src/) is defined.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import en from '../src/i18n/en.js';
import es from '../src/i18n/es.js';
import pt from '../src/i18n/pt.js';
import { pickLanguage, translate } from '../src/i18n/index.js';

const dicts = { es, pt, en };
const placeholders = (s) => (s.match(/\{\w+\}/g) || []).sort().join(',');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name))
      : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []);
}

describe('i18n', () => {
  it('has the same keys in es, pt and en', () => {
    const keys = Object.keys(en).sort();
    expect(Object.keys(es).sort()).toEqual(keys);
    expect(Object.keys(pt).sort()).toEqual(keys);
  });

  it('has no empty text and the same placeholders in every language', () => {
    for (const [code, dict] of Object.entries(dicts)) {
      for (const [key, text] of Object.entries(dict)) {
        expect(text.trim(), `${code} ${key}`).not.toBe('');
        expect(placeholders(text), `${code} ${key}`).toBe(placeholders(en[key]));
      }
    }
  });

  it('defines every key used in the source', () => {
    const src = path.resolve(__dirname, '../src');
    const used = new Set();
    for (const file of sourceFiles(src)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([a-z_.0-9]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it('defines the keys built at run time', () => {
    const dynamic = [
      ...['es', 'pt', 'en'].map((c) => `lang.${c}`),
      ...['member', 'manager', 'admin'].map((r) => `role.${r}`),
      ...['consumer', 'producer', 'prosumer'].map((r) => `role_sp.${r}`),
      ...['connecting', 'open', 'closed'].map((s) => `live.${s}`),
      ...['day', 'month', 'year'].map((v) => `view.${v}`),
      ...['consumption', 'imputed', 'self_consumed', 'surplus', 'grid'].map((q) => `energy.${q}`),
      ...['members', 'coefficients', 'tariffs', 'billing', 'imports', 'alerts'].map((x) => `tab.${x}`),
      ...['invalid', 'negative', 'sum'].map((c) => `coef.err_${c}`),
      ...['draft', 'final'].map((c) => `billing.state_${c}`),
      ...['invoice', 'credit_note'].map((c) => `invoices.kind_${c}`),
    ];
    for (const key of dynamic) for (const dict of Object.values(dicts)) expect(dict[key], key).toBeTruthy();
  });

  it('picks the first supported browser language', () => {
    expect(pickLanguage(['fr-FR', 'pt-BR', 'en'])).toBe('pt');
    expect(pickLanguage(['es-419'])).toBe('es');
    expect(pickLanguage(['de-DE', 'fr'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('fills placeholders and falls back to English, then to the key', () => {
    expect(translate(es, 'login.too_many_wait', { seconds: 30 })).toBe(
      'Demasiados intentos. Vuelve a intentarlo dentro de 30 segundos.');
    expect(translate({}, 'view.day')).toBe('Day');
    expect(translate(es, 'no.such.key')).toBe('no.such.key');
  });
});
