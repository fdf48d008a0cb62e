import { describe, expect, it } from 'vitest';
import { parseExplorerState, serializeExplorerState } from './url-state';

const view = 'v=1&n=country:KAZ;person:yin-hejun';

describe('the path part of a link', () => {
  it('opens links written before ranked paths: p=from,to draws the first path with default options', () => {
    const { state, ignored } = parseExplorerState(new URLSearchParams(`${view}&p=country:KAZ,person:yin-hejun`));
    expect(ignored).toEqual([]);
    expect(state.path).toEqual({ from: 'country:KAZ', to: 'person:yin-hejun', index: 0, k: 3, maxHops: 6, types: [], avoid: [], avoidHubs: false, time: null, undated: 'show' });
    expect(serializeExplorerState(state)).toContain('p=country:KAZ,person:yin-hejun');
    expect(serializeExplorerState(state)).not.toMatch(/[?&](pi|pk|ptypes|pavoid|phops|pt)=/);
  });

  it('reads the chosen path and every option, and writes them back the same', () => {
    const query = `${view}&p=country:KAZ,person:yin-hejun&pi=2&pk=5&ptypes=SPOKE_AT,PARTNER_OF&pavoid=initiative:bri,Claim,hubs&phops=4&pt=2013-2023&pundated=hide`;
    const { state, ignored } = parseExplorerState(new URLSearchParams(query));
    expect(ignored).toEqual([]);
    expect(state.path).toMatchObject({ index: 1, k: 5, types: ['PARTNER_OF', 'SPOKE_AT'], avoid: ['Claim', 'initiative:bri'], avoidHubs: true, maxHops: 4, time: { from: 2013, to: 2023 }, undated: 'hide' });
    const again = parseExplorerState(new URLSearchParams(serializeExplorerState(state)));
    expect(again.state.path).toEqual(state.path);
  });

  it('drops malformed options with a note and keeps the pair', () => {
    const { state, ignored } = parseExplorerState(new URLSearchParams(`${view}&p=country:KAZ,person:yin-hejun&pi=9&pk=0&ptypes=bad%01type`));
    expect(state.path).toMatchObject({ from: 'country:KAZ', index: 0, k: 3, types: [] });
    expect(ignored.map((n) => n.code)).toContain('malformedParts');
  });

  it('keeps an avoided id with separators intact', () => {
    const { state } = parseExplorerState(new URLSearchParams(`${view}&p=country:KAZ,person:yin-hejun`));
    const odd = { ...state, path: { ...state.path!, avoid: ['a:x,y;z'] } };
    expect(parseExplorerState(new URLSearchParams(serializeExplorerState(odd))).state.path?.avoid).toEqual(['a:x,y;z']);
  });
});
