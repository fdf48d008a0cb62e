import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, MAX_VIEW_ENTITIES, parseExplorerState, serializeExplorerState, type ExplorerState } from './url-state';
import { noteText } from './i18n/translate';
import { newPathState } from './url-path';

const roundTrip = (state: ExplorerState) => parseExplorerState(new URLSearchParams(serializeExplorerState(state)));

const full: ExplorerState = {
  batches: [['event:brst-2023'], ['org:most', 'place:chongqing', 'country:KAZ', 'country:UZB'], ['person:yin-hejun']],
  expanded: { 'event:brst-2023': 1, 'org:most': 3 },
  selected: { kind: 'node', id: 'person:yin-hejun' },
  hiddenTypes: ['Country', 'Field'],
  layout: 'circle',
  viewport: { zoom: 1.25, x: 120.5, y: -40.25 },
  path: { ...newPathState('country:KAZ', 'person:yin-hejun'), index: 1 },
  size: 'pagerank',
  colour: 'community',
  time: { from: 2015, to: 2020 },
  undated: 'hide',
  evidence: 'single',
  lang: 'ru',
};

describe('the deep-link format', () => {
  it('round-trips every part of a view', () => {
    const { state, ignored, hasView } = roundTrip(full);
    expect(ignored).toEqual([]);
    expect(hasView).toBe(true);
    expect(state.batches.map((b) => [...b].sort())).toEqual(full.batches.map((b) => [...b].sort()));
    expect(state).toMatchObject({ expanded: full.expanded, selected: full.selected, hiddenTypes: full.hiddenTypes, layout: 'circle', viewport: full.viewport, path: full.path, lang: 'ru' });
    expect(state).toMatchObject({ size: 'pagerank', colour: 'community', time: { from: 2015, to: 2020 }, undated: 'hide', evidence: 'single' });
  });

  it('keeps the evidence filter in the link as ev=, and drops a grade it does not know', () => {
    expect(serializeExplorerState({ ...EMPTY_STATE, evidence: 'corroborated' })).toContain('ev=corroborated');
    expect(serializeExplorerState(EMPTY_STATE)).not.toContain('ev=');
    expect(parseExplorerState(new URLSearchParams('ev=official')).state.evidence).toBe('official');
    for (const bad of ['none', 'strong', '']) {
      const parsed = parseExplorerState(new URLSearchParams({ ev: bad }));
      expect(parsed.state.evidence).toBeNull();
      expect(parsed.ignored).toEqual([{ code: 'unknownEvidence', values: { grade: bad } }]);
    }
  });

  it('round-trips a selected relationship and ids with unusual characters', () => {
    const state: ExplorerState = {
      ...EMPTY_STATE,
      batches: [['a:x,y;z~w@1', 'plain-id', 'b:100%/50%', 'c:ünïcødé:é']],
      selected: { kind: 'edge', source: 'a:x,y;z~w@1', type: 'LINKS_TO', target: 'plain-id' },
      expanded: { 'a:x,y;z~w@1': 2 },
    };
    const parsed = roundTrip(state);
    expect(parsed.ignored).toEqual([]);
    expect([...parsed.state.batches[0]!].sort()).toEqual([...state.batches[0]!].sort());
    expect(parsed.state.selected).toEqual(state.selected);
    expect(parsed.state.expanded).toEqual(state.expanded);
  });

  it('is readable: seed ids appear as they are, grouped by prefix', () => {
    const text = serializeExplorerState(full);
    expect(text).toContain('n=event:brst-2023~country:KAZ,UZB;org:most;place:chongqing~person:yin-hejun');
    expect(text).toContain('s=person:yin-hejun');
    expect(text).toContain('x=event:brst-2023;org:most@3');
    expect(text.startsWith('v=1&')).toBe(true);
  });

  it('serialises the same view to the same text whatever the order inside a batch', () => {
    const shuffled = { ...full, batches: full.batches.map((b) => [...b].reverse()), hiddenTypes: ['Field', 'Country'] };
    expect(serializeExplorerState(shuffled)).toBe(serializeExplorerState(full));
  });

  it('fits a 200-entity view into 2,000 characters', () => {
    const countries = Array.from({ length: 150 }, (_, i) => `country:${String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26), 65 + (i % 7))}`);
    const others = Array.from({ length: 50 }, (_, i) => `org:organisation-number-${i}`);
    const state: ExplorerState = { ...full, batches: [others.slice(0, 25), countries.slice(0, 75), others.slice(25), countries.slice(75)] };
    const url = `https://example.org/?${serializeExplorerState(state)}`;
    expect(new Set(state.batches.flat()).size).toBe(200);
    expect(url.length).toBeLessThan(2000);
  });

  it('opens old version-0 links (ids=...)', () => {
    const { state, ignored } = parseExplorerState(new URLSearchParams('ids=event:brst-2023,org:most&selected=org:most'));
    expect(ignored).toEqual([]);
    expect(state.batches).toEqual([['event:brst-2023', 'org:most']]);
    expect(state.selected).toEqual({ kind: 'node', id: 'org:most' });
  });

  it('reads what it can from a link made by a newer version, and says so', () => {
    const { state, ignored } = parseExplorerState(new URLSearchParams('v=7&n=org:most&future=1'));
    expect(state.batches).toEqual([['org:most']]);
    expect(ignored.map((n) => noteText(n)).join(' ')).toMatch(/version "7"/);
  });

  it('never throws on garbage, drops what is malformed and says what', () => {
    const garbage = [
      'n=%E0%A4%A', 'n=;;;~~~,,,', 'n=:::', 'n=nocolon', `n=a:${'x'.repeat(300)}`, 'z=abc&c=1,2', 'z=1&c=1', 'z=1e400&c=0,0',
      'l=spiral', 's=%ZZ', 'r=a,b', 'hide=<script>', 'x=a:b@-1', 'p=a', 'n=a:b%00c', "n=a:'); DROP ALL //",
    ];
    for (const query of garbage) {
      const parsed = parseExplorerState(new URLSearchParams(query));
      expect(parsed.state.batches.flat().every((id) => id.length <= 200 && !/\s|\u0000/.test(id)), query).toBe(true);
      expect(serializeExplorerState(parsed.state), query).toMatch(/^v=1/);
    }
    expect(parseExplorerState(new URLSearchParams('n=org:most&l=spiral')).ignored.map((n) => noteText(n)).join(' ')).toMatch(/layout "spiral"/);
    expect(parseExplorerState(new URLSearchParams('n=org:most&z=abc&c=1,2')).state.viewport).toBeNull();
    expect(parseExplorerState(new URLSearchParams('n=org:most&s=org:gone')).ignored.map((n) => noteText(n)).join(' ')).toMatch(/org:gone/);
    expect(parseExplorerState(new URLSearchParams('n=nocolon;org:most')).ignored.map((n) => noteText(n)).join(' ')).toMatch(/malformed/);
  });

  it('caps absurdly long lists and says how many were left out', () => {
    const ids = Array.from({ length: MAX_VIEW_ENTITIES + 50 }, (_, i) => `n:${i}`);
    const { state, ignored } = parseExplorerState(new URLSearchParams(`n=n:${ids.map((id) => id.slice(2)).join(',')}`));
    expect(state.batches.flat()).toHaveLength(MAX_VIEW_ENTITIES);
    expect(ignored.map((n) => noteText(n)).join(' ')).toMatch(/50 more were left out/);
  });

  it('accepts the object form Next passes to pages, repeated keys included', () => {
    const { state } = parseExplorerState({ n: ['org:most~person:yin-hejun', 'ignored'], s: 'org:most' });
    expect(state.batches).toEqual([['org:most'], ['person:yin-hejun']]);
    expect(state.selected).toEqual({ kind: 'node', id: 'org:most' });
  });
});

describe('group nodes and the map layout in links', () => {
  it('round-trips a group node and the map layout, and keeps old links working', async () => {
    const { groupKey, parseGroupKey } = await import('./graph/groups');
    const group = groupKey({ origin: 'initiative:bri', relType: '*', entityType: 'Country' });
    const state = { ...EMPTY_STATE, batches: [['initiative:bri'], ['org:most', group]], layout: 'map' as const, selected: { kind: 'node' as const, id: group } };
    const text = serializeExplorerState(state);
    expect(decodeURIComponent(text)).toContain('*:initiative:bri,*,Country');
    expect(text).toContain('l=map');
    const parsed = parseExplorerState(new URLSearchParams(text));
    expect(parsed.ignored).toEqual([]);
    expect(parsed.state.batches).toEqual(state.batches);
    expect(parsed.state.layout).toBe('map');
    expect(parseGroupKey(parsed.state.batches[1]![1]!)).toEqual({ origin: 'initiative:bri', relType: '*', entityType: 'Country' });
    // A link written before groups existed opens as it did.
    const old = parseExplorerState(new URLSearchParams('v=1&n=event:brst-2023~org:most;place:chongqing&x=event:brst-2023&s=org:most'));
    expect(old.ignored).toEqual([]);
    expect(old.state.batches).toEqual([['event:brst-2023'], ['org:most', 'place:chongqing']]);
  });

  it('reports a malformed group instead of guessing', () => {
    const parsed = parseExplorerState(new URLSearchParams('v=1&n=event:brst-2023;*:only-origin'));
    expect(parsed.state.batches).toEqual([['event:brst-2023']]);
    expect(parsed.ignored.map((n) => noteText(n)).join(' ')).toMatch(/malformed/);
  });
});

describe('analysis and time settings in links', () => {
  const base = 'v=1&n=initiative:bri~country:KAZ,UZB';

  it('writes only what differs from the defaults', () => {
    const state = { ...EMPTY_STATE, batches: [['initiative:bri']] };
    expect(serializeExplorerState(state)).toBe('v=1&n=initiative:bri');
    const text = serializeExplorerState({ ...state, size: 'degree', colour: 'community', time: { from: 2013, to: 2019 }, undated: 'hide' });
    expect(text).toBe('v=1&n=initiative:bri&size=degree&colour=community&t=2013-2019&undated=hide');
  });

  it('reads a range of years, a single year, and the American spelling of colour', () => {
    expect(parseExplorerState(new URLSearchParams(`${base}&t=2016-2018`)).state.time).toEqual({ from: 2016, to: 2018 });
    expect(parseExplorerState(new URLSearchParams(`${base}&t=2017`)).state.time).toEqual({ from: 2017, to: 2017 });
    expect(parseExplorerState(new URLSearchParams(`${base}&color=community`)).state.colour).toBe('community');
  });

  it('drops unknown sizes, colours, ranges and choices with a note each, keeping the rest of the view', () => {
    const { state, ignored } = parseExplorerState(new URLSearchParams(`${base}&size=betweenness&colour=rainbow&t=2020-2015&undated=maybe`));
    expect(state).toMatchObject({ size: 'links', colour: 'type', time: null, undated: 'show' });
    expect(state.batches).toEqual([['initiative:bri'], ['country:KAZ', 'country:UZB']]);
    expect(ignored).toEqual([
      { code: 'unknownSize', values: { size: 'betweenness' } },
      { code: 'unknownColour', values: { colour: 'rainbow' } },
      { code: 'timeRangeUnreadable', values: { range: '2020-2015' } },
      { code: 'unknownUndated', values: { choice: 'maybe' } },
    ]);
    for (const t of ['20x5', '2015-', '-2015', '12345', '2015..2020', '']) {
      const parsed = parseExplorerState(new URLSearchParams(`${base}&t=${encodeURIComponent(t)}`));
      expect(parsed.state.time).toBeNull();
      expect(parsed.ignored).toHaveLength(1);
    }
  });
});

describe('ids and type names of any graph in links', () => {
  const person = 'Person:Ada Lovelace';
  const lab = 'Научный центр:Лаборатория №1, корпус 2';

  it('encodes an id once, readably, and reads it back', () => {
    const text = serializeExplorerState({ ...EMPTY_STATE, batches: [[person]], selected: { kind: 'node', id: person } });
    expect(text).toContain('n=Person:Ada%20Lovelace');
    expect(text).toContain('s=Person:Ada%20Lovelace');
    expect(text).not.toContain('%25');
    expect(parseExplorerState(new URLSearchParams(text)).state.batches).toEqual([[person]]);
  });

  it('still opens links written with every item encoded twice', () => {
    const { state, ignored } = parseExplorerState(new URLSearchParams('v=1&n=Person:Ada%2520Lovelace&s=Person:Ada%2520Lovelace'));
    expect(ignored).toEqual([]);
    expect(state.batches).toEqual([[person]]);
    expect(state.selected).toEqual({ kind: 'node', id: person });
  });

  it('keeps separators, percent signs and non-ASCII inside ids and labels unambiguous', () => {
    const odd = 'Sample:50% of a;b~c@d*e';
    const state = { ...EMPTY_STATE, batches: [[lab, odd]], hiddenTypes: ['Научный центр', 'Research Lab', 'a,b'] };
    const parsed = parseExplorerState(new URLSearchParams(serializeExplorerState(state)));
    expect(parsed.ignored).toEqual([]);
    expect(parsed.state.batches).toEqual([[odd, lab].sort()]);
    expect(parsed.state.hiddenTypes).toEqual([...state.hiddenTypes].sort());
  });

  it('takes any label or relationship type in hide=, r= and group nodes', async () => {
    const { groupKey } = await import('./graph/groups');
    const group = groupKey({ origin: person, relType: 'РАБОТАЕТ В', entityType: 'Research Lab' });
    const state = {
      ...EMPTY_STATE, batches: [[person, 'Research Lab:Bell Labs'], [group]], hiddenTypes: ['Учёный'],
      selected: { kind: 'edge' as const, source: person, type: 'WORKS AT', target: 'Research Lab:Bell Labs' },
    };
    const parsed = parseExplorerState(new URLSearchParams(serializeExplorerState(state)));
    expect(parsed.ignored).toEqual([]);
    expect(parsed.state.batches).toEqual(state.batches);
    expect(parsed.state.hiddenTypes).toEqual(['Учёный']);
    expect(parsed.state.selected).toEqual(state.selected);
    // Typed by hand, unescaped, as a person would: still read.
    expect(parseExplorerState(new URLSearchParams('n=org:most&hide=Research Lab,Учёный')).state.hiddenTypes).toEqual(['Research Lab', 'Учёный']);
    // A control character is not a name.
    expect(parseExplorerState(new URLSearchParams('n=org:most&hide=A%01B')).state.hiddenTypes).toEqual([]);
  });
});
