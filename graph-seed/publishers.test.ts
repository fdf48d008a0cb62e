import { describe, expect, it } from 'vitest';
import { checkSourceHosts, hostEntry, readPublisherList } from './publishers';
import type { SeedSource } from './schema';

const list = readPublisherList();
const source = (url: string, reliability: SeedSource['reliability']): SeedSource => ({ id: 'src:x', publisher: 'P', title: 'T', date: null, url, reliability });

describe('the reviewed publisher list', () => {
  it('rates known mirrors and aggregators as copies, and spam as low', () => {
    expect(hostEntry('https://www.marketscreener.com/news/latest/x', list)?.kind).toBe('copy');
    expect(hostEntry('https://www.breakinglatest.news/world/x', list)?.kind).toBe('copy');
    expect(hostEntry('https://en.wikipedia.org/wiki/Chongqing', list)?.kind).toBe('copy');
    expect(hostEntry('https://sabalog.com/x', list)?.kind).toBe('low');
  });

  it('knows governments and news media, the most specific entry first', () => {
    expect(hostEntry('https://www.mfa.gov.cn/eng/x', list)?.kind).toBe('official');
    expect(hostEntry('https://kz.china-embassy.gov.cn/x', list)?.kind).toBe('official');
    expect(hostEntry('http://en.people.cn/n3/x.html', list)?.kind).toBe('media');
    expect(hostEntry('https://github.com/unicode-org/cldr-json', list)?.kind).toBe('official');
    expect(hostEntry('https://github.com/someone/copy', list)?.kind).toBe('copy');
    // A host that merely ends with the same letters is not a subdomain.
    expect(hostEntry('https://notgov.cn/x', list)).toBeNull();
  });

  it('refuses a source rated above its host, allows one rated below, reports unknown hosts', () => {
    const report = checkSourceHosts([
      { ...source('https://www.marketscreener.com/x', 'media'), id: 'src:inflated' },
      { ...source('https://news.cgtn.com/x', 'copy'), id: 'src:humble' },
      { ...source('https://unreviewed.example/x', 'media'), id: 'src:new' },
    ], list);
    expect(report.errors.map((e) => e.id)).toEqual(['src:inflated']);
    expect(report.errors[0]?.problem).toMatch(/listed as copy/);
    expect([...report.unknownHosts]).toEqual([['unreviewed.example', ['src:new']]]);
  });
});
