import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { installFastBoundingBox } from './fast-bounding-box';

// A styled headless graph (headless Cytoscape measures no text, so sizes come from data instead).
function graph(): Core {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 30, 'font-size': 12 } },
      { selector: 'edge', style: { 'curve-style': 'haystack', width: 2 } },
    ],
  });
  installFastBoundingBox(cy);
  cy.add([
    { data: { id: 'a', label: 'Chongqing', size: 30 }, position: { x: 0, y: 0 } },
    { data: { id: 'b', label: 'Kazakhstan', size: 30 }, position: { x: 200, y: 40 } },
    { data: { id: 'c', label: 'Ministry of Science and Technology', size: 50 }, position: { x: -150, y: 120 } },
    { data: { id: 'ab', source: 'a', target: 'b' } },
    { data: { id: 'bc', source: 'b', target: 'c' } },
  ]);
  return cy;
}

// `boundingBox({})` asks for the same default box through Cytoscape's own code path (options given).
const plain = (box: { x1: number; y1: number; x2: number; y2: number; w: number; h: number }) => ({ x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2, w: box.w, h: box.h });
function expectSameAsCytoscape(cy: Core): void {
  for (const ele of cy.elements().toArray()) expect(plain(ele.boundingBox()), ele.id()).toEqual(plain(ele.boundingBox({})));
}

describe('the fast bounding box', () => {
  it('gives every element the box Cytoscape computes, and the same object while nothing changed', () => {
    const cy = graph();
    expectSameAsCytoscape(cy);
    const a = cy.$id('a');
    const first = a.boundingBox();
    expect(a.boundingBox()).toBe(first);
    expect(cy.$id('ab').boundingBox()).toBe(cy.$id('ab').boundingBox());
  });

  it('follows a moved node, and the edges that end at it', () => {
    const cy = graph();
    expectSameAsCytoscape(cy);
    const before = plain(cy.$id('ab').boundingBox());
    cy.$id('b').position({ x: 420, y: -80 });
    expect(cy.$id('b').boundingBox().x1).toBeGreaterThan(300);
    expect(plain(cy.$id('ab').boundingBox())).not.toEqual(before);
    expectSameAsCytoscape(cy);
  });

  it('follows a restyled element: new data behind its style, a new stylesheet', () => {
    const cy = graph();
    const narrow = cy.$id('a').boundingBox().w;
    cy.$id('a').data('size', 120);
    expect(cy.$id('a').boundingBox().w).toBeGreaterThan(narrow * 3);
    cy.style().selector('node').style({ height: 80 }).update();
    expect(cy.$id('b').boundingBox().h).toBeGreaterThan(79);
    expectSameAsCytoscape(cy);
  });

  it('leaves collections to Cytoscape', () => {
    const cy = graph();
    const all = cy.elements().boundingBox();
    expect(all.x1).toBeLessThan(-150);
    expect(all.x2).toBeGreaterThan(200);
  });
});

describe('the Cytoscape internals the patch relies on', () => {
  it('are there in the installed Cytoscape (a version that renames them fails here, before any user sees it)', () => {
    const cy = graph();
    const proto = Object.getPrototypeOf(cy.collection()) as { boundingBox?: unknown };
    expect(typeof proto.boundingBox).toBe('function');
    for (const ele of cy.elements().toArray()) {
      ele.boundingBox();
      const box = ele.boundingBox();
      const p = (ele as unknown as { _private: Record<string, unknown> })._private;
      // The patch compares the returned box with the element's cache, reads the style's dirty flag,
      // the group and the (endpoints') positions.
      expect(p.bbCache, ele.id()).toBe(box);
      expect(typeof p.styleDirty, ele.id()).toBe('boolean');
      expect(p.group, ele.id()).toBe(ele.isNode() ? 'nodes' : 'edges');
      if (ele.isNode()) expect(p.position, ele.id()).toEqual(ele.position());
      else {
        const ends = p as { source: { [0]: { _private: { position: unknown } } }; target: { [0]: { _private: { position: unknown } } } };
        expect(ends.source[0]._private.position).toEqual(ele.source().position());
        expect(ends.target[0]._private.position).toEqual(ele.target().position());
      }
      // And the fast path engaged: the element remembers what the original saw.
      expect(p.fastBox, ele.id()).toBeDefined();
    }
  });
});
