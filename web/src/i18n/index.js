// Interface language: Spanish, Portuguese or English. Chosen from the saved choice
// (localStorage "reparto.lang"), else the user's account, else navigator.languages, else English.
// t(key, params) looks the text up and fills {name} placeholders.
import en from './en.js';
import es from './es.js';
import pt from './pt.js';

export const DICTIONARIES = { es, pt, en };
export const LANGUAGES = ['es', 'pt', 'en'];
const STORAGE_KEY = 'reparto.lang';

let current = 'en';
const listeners = new Set();

export function pickLanguage(preferred) {
  for (const tag of preferred || []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

export function initialLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(saved)) return saved;
  } catch {
    // storage unavailable: fall through
  }
  const nav = typeof navigator !== 'undefined' ? navigator.languages || [navigator.language] : [];
  return pickLanguage(nav);
}

export function savedLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(saved) ? saved : null;
  } catch {
    return null;
  }
}

export function lang() {
  return current;
}

export function setLanguage(code, { remember = true } = {}) {
  if (!LANGUAGES.includes(code)) return;
  current = code;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, code);
    } catch {
      // ignore
    }
  }
  if (typeof document !== 'undefined') document.documentElement.lang = code;
  for (const fn of listeners) fn(code);
}

export function onLanguageChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function translate(dict, key, params) {
  let text = dict[key];
  if (text === undefined) text = en[key];
  if (text === undefined) return key;
  if (params) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? params[name] : m));
  return text;
}

export function t(key, params) {
  return translate(DICTIONARIES[current], key, params);
}
