import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'use-intl/core';
import { LOCALES } from './locales';
import { CATALOG } from './messages';

/** The arguments and tags an ICU message uses, sorted (`count`, `<b>`). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

/** Every leaf key of a message tree, as `a.b.c`, with the arguments its message uses. */
function leaves(tree: unknown, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, [...argumentsOf(parse(value))].sort());
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

describe('the message catalogue', () => {
  const english = leaves(CATALOG.en);

  it.each(LOCALES.filter((l) => l !== 'en'))('has every English message in %s, with the same placeholders', (locale) => {
    const other = leaves(CATALOG[locale]);
    const missing = [...english.keys()].filter((k) => !other.has(k));
    const extra = [...other.keys()].filter((k) => !english.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    const placeholderMismatch = [...english].filter(([k, names]) => other.get(k)?.join() !== names.join());
    expect(placeholderMismatch).toEqual([]);
  });

  it.each(LOCALES)('parses every %s message as ICU syntax', (locale) => {
    const errors: string[] = [];
    for (const namespace of Object.keys(CATALOG[locale])) {
      const t = createTranslator({ locale, messages: CATALOG[locale], namespace: namespace as never, onError: (e) => errors.push(e.message) });
      const tree = (CATALOG[locale] as Record<string, unknown>)[namespace];
      for (const [key, names] of leaves(tree)) {
        // Each placeholder gets a number and each tag a pass-through: a syntax error shows up as an error.
        const values = names.map((n) => (n.startsWith('<') ? [n.slice(1, -1), (chunks: string) => chunks] : [n, 1]));
        (t as unknown as { markup: (k: string, v: Record<string, unknown>) => string }).markup(key, Object.fromEntries(values));
      }
    }
    expect(errors).toEqual([]);
  });
});
