import { describe, expect, it } from 'vitest';
import { buildSearchQueries, foldToken, tokenize } from './search-query';

describe('buildSearchQueries', () => {
  it('asks for exact, prefix and fuzzy matches of each word', () => {
    expect(buildSearchQueries('Chongqng').text).toBe('(chongqng^4 OR chongqng*^2 OR chongqng~2)');
    expect(buildSearchQueries('chongq').text).toBe('(chongq^4 OR chongq*^2 OR chongq~1)');
    expect(buildSearchQueries('yin').text).toBe('(yin^4 OR yin*^2)');
  });

  it('routes Chinese to the CJK index and everything else to the folded index', () => {
    expect(buildSearchQueries('重庆')).toEqual({ text: null, chinese: '("重庆"^4 OR 重庆*)' });
    expect(buildSearchQueries('Чунцин').text).toBe('(чунцин^4 OR чунцин*^2 OR чунцин~1)');
  });

  it('treats Lucene syntax as text, so no input can be a query error', () => {
    for (const hostile of ['AND (', '*', '"', '~', 'a:b OR c', '\\', '/regex/', '{!x}', '))))(((', 'NOT', '&&||!']) {
      const { text, chinese } = buildSearchQueries(hostile);
      for (const query of [text, chinese]) {
        if (query === null) continue;
        expect(query).not.toMatch(/[(][^a-zа-я\p{Script=Han}"]/u);
        expect(query).not.toMatch(/\b(AND|NOT)\b/);
      }
    }
    expect(buildSearchQueries('*')).toEqual({ text: null, chinese: null });
    expect(buildSearchQueries('AND (').text).toBe('(and^4 OR and*^2)');
  });

  it('folds case and Latin accents but keeps Cyrillic letters', () => {
    expect(foldToken('São')).toBe('sao');
    expect(foldToken('Китайская')).toBe('китайская');
    expect(tokenize("People's Republic")).toEqual(["People's", 'Republic']);
  });

  it('boosts the whole phrase when there are several words', () => {
    expect(buildSearchQueries('yin hejun').text).toContain('"yin hejun"^6');
  });
});
