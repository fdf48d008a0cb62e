import { describe, expect, it } from 'vitest';
import { canonicalAddress, previewLink } from './edge-address';

describe('canonical addresses of cached reads', () => {
  it('keeps the parameters a route reads, whatever else an address carries or in whatever order', () => {
    const plain = canonicalAddress('/api/search?q=belt+and+road&limit=7');
    expect(canonicalAddress('/api/search?utm_source=x&limit=7&q=belt%20and%20road&fbclid=1')).toBe(plain);
    expect(canonicalAddress('/api/nodes/org%3Amost?junk=1')).toBe('/api/nodes/org%3Amost');
    expect(canonicalAddress('/api/subgraph?ids=a:b,c:d&x=1')).toBe(canonicalAddress('/api/subgraph?ids=a%3Ab%2Cc%3Ad'));
  });

  it('never merges requests that differ in what the route reads', () => {
    expect(canonicalAddress('/api/nodes/org:most/neighbors?type=HOSTED')).not.toBe(canonicalAddress('/api/nodes/org:most/neighbors'));
    expect(canonicalAddress('/api/paths?from=a:b&to=c:d&maxHops=3')).not.toBe(canonicalAddress('/api/paths?from=a:b&to=c:d'));
    expect(canonicalAddress('/api/search?q=a')).not.toBe(canonicalAddress('/api/search?q=b'));
  });
});

describe('the view a preview image draws', () => {
  const link = (query: string, acceptLanguage: string | null = null) => previewLink(new URLSearchParams(query), acceptLanguage);

  it('is one key for one view: junk, the viewport, order and legacy spelling change nothing', () => {
    const base = link('v=1&n=org:most;place:chongqing&s=org:most&lang=en');
    expect(link('utm_source=mail&z=1.5&c=10,20&s=org:most&n=place:chongqing;org:most&lang=en').link).toBe(base.link);
    expect(link('ids=org:most,place:chongqing&s=org:most&lang=en').link).toBe(base.link);
    expect(base).toMatchObject({ locale: 'en', fromLink: true });
  });

  it('differs where the picture does: another selection, another language', () => {
    const base = link('n=org:most;place:chongqing&s=org:most&lang=en').link;
    expect(link('n=org:most;place:chongqing&s=place:chongqing&lang=en').link).not.toBe(base);
    expect(link('n=org:most;place:chongqing&s=org:most', 'ru-RU,ru;q=0.9')).toMatchObject({ locale: 'ru', fromLink: false });
    expect(link('n=org:most;place:chongqing&s=org:most', 'ru-RU,ru;q=0.9').link).not.toBe(base);
  });
});
