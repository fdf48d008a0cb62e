import { describe, expect, it } from 'vitest';
import { parseExplorerState, serializeExplorerState, EMPTY_STATE } from '../url-state';
import { negotiateLocale, requestedLocale } from './locales';

describe('choosing the interface language', () => {
  it("follows the browser's preference by weight, ignoring regions", () => {
    expect(negotiateLocale('ru-RU,ru;q=0.9,en-US;q=0.8')).toBe('ru');
    expect(negotiateLocale('de-DE,zh-CN;q=0.7,en;q=0.5')).toBe('zh');
    expect(negotiateLocale('en;q=0.4, zh-Hant-TW;q=0.9')).toBe('zh');
    expect(negotiateLocale('fr, de;q=0.9')).toBe('en');
    expect(negotiateLocale('ru;q=0, en;q=0.1')).toBe('en');
    expect(negotiateLocale(null)).toBe('en');
    expect(negotiateLocale(';;;,q=abc,*')).toBe('en');
  });

  it("prefers the link's language to the browser's, and ignores one it does not know", () => {
    expect(requestedLocale('zh', 'ru')).toBe('zh');
    expect(requestedLocale('xx', 'ru')).toBe('ru');
    expect(requestedLocale(undefined, undefined)).toBe('en');
  });

  it('keeps the language in the link, and says when a link names an unknown one', () => {
    const text = serializeExplorerState({ ...EMPTY_STATE, batches: [['org:most']], lang: 'zh' });
    expect(text).toMatch(/(^|&)lang=zh(&|$)/);
    expect(parseExplorerState(new URLSearchParams(text)).state.lang).toBe('zh');
    const odd = parseExplorerState(new URLSearchParams('n=org:most&lang=klingon'));
    expect(odd.state.lang).toBeNull();
    expect(odd.ignored.join(' ')).toMatch(/Unknown language "klingon"/);
  });
});
