import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyLevelOfDetail, detailLevel, FAR_CLASS, FAR_ZOOM, levelOfDetailStyle, renderOptions } from './render-options';

const styleOf = (choice: ReturnType<typeof renderOptions>) => levelOfDetailStyle(choice) as Array<{ selector: string; style: Record<string, unknown> }>;

describe('renderOptions', () => {
  it('keeps full detail and the default renderer for the views people build by hand', () => {
    const choice = renderOptions({ nodes: 300, edges: 600, webglAvailable: true });
    expect(choice.mode).toBe('detail');
    expect(choice.options).toEqual({});
    expect(levelOfDetailStyle(choice)).toEqual([]);
    expect(detailLevel(0.05, choice)).toBe('near');
  });

  it('draws a 5,000-entity view with WebGL where the browser has it', () => {
    const choice = renderOptions({ nodes: 5000, edges: 20000, webglAvailable: true });
    expect(choice.mode).toBe('big-webgl');
    expect(choice.options.webgl).toBe(true);
    expect(choice.options.hideEdgesOnViewport).toBeUndefined();
    // WebGL draws straight, haystack or bezier edges only.
    expect(styleOf(choice).find((rule) => rule.selector === 'edge')?.style['curve-style']).toBe('straight');
  });

  it('falls back to the canvas with its viewport shortcuts when WebGL is missing', () => {
    const choice = renderOptions({ nodes: 5000, edges: 20000, webglAvailable: false });
    expect(choice.mode).toBe('big-canvas');
    expect(choice.options.webgl).toBeUndefined();
    expect(choice.options).toMatchObject({ hideEdgesOnViewport: true, textureOnViewport: true });
    expect(styleOf(choice).find((rule) => rule.selector === 'edge')?.style['curve-style']).toBe('haystack');
    // Labels drop out by the canvas's own minimum size, and the selection keeps its label at any zoom,
    // without a zoom-dependent class that would restyle every element on the way.
    expect(choice.farZoom).toBeNull();
    expect(detailLevel(0.05, choice)).toBe('near');
    expect(styleOf(choice).find((rule) => rule.selector === 'node:selected, node.path')?.style['min-zoomed-font-size']).toBe(0);
  });

  it('counts edges too: a few nodes with thousands of relationships is a big view', () => {
    expect(renderOptions({ nodes: 200, edges: 4000, webglAvailable: true }).mode).toBe('big-webgl');
    expect(renderOptions({ nodes: 600, edges: 900, webglAvailable: true }).mode).toBe('big-canvas');
  });

  it('hides small labels and edge labels in big views, but not the selection or a path', () => {
    const rules = styleOf(renderOptions({ nodes: 2000, edges: 5000, webglAvailable: true }));
    expect(rules.find((rule) => rule.selector === 'node')?.style['min-zoomed-font-size']).toBe(11);
    expect(rules.find((rule) => rule.selector === 'edge')?.style.label).toBe('');
    expect(rules.find((rule) => rule.selector.includes('edge:selected'))?.style.label).toBe('data(label)');
    expect(rules.find((rule) => rule.selector === `edge.${FAR_CLASS}`)?.style['target-arrow-shape']).toBe('none');
  });
});

describe('detailLevel', () => {
  const big = renderOptions({ nodes: 5000, edges: 20000, webglAvailable: true });

  it('drops to shapes and lines when zoomed out and comes back when zoomed in', () => {
    expect(detailLevel(1, big)).toBe('near');
    expect(detailLevel(FAR_ZOOM * 0.9, big)).toBe('far');
    expect(detailLevel(2, big, 'far')).toBe('near');
  });

  it('does not flicker when the zoom hovers around the threshold', () => {
    expect(detailLevel(FAR_ZOOM * 1.05, big, 'far')).toBe('far');
    expect(detailLevel(FAR_ZOOM * 1.05, big, 'near')).toBe('near');
  });
});

describe('applyLevelOfDetail', () => {
  it('marks every element, including ones added later, while zoomed out, and unmarks them when zoomed in', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }, { data: { id: 'ab', source: 'a', target: 'b' } }],
    });
    const dispose = applyLevelOfDetail(cy, renderOptions({ nodes: 5000, edges: 20000, webglAvailable: true }));
    cy.zoom(1);
    expect(cy.elements(`.${FAR_CLASS}`).length).toBe(0);
    cy.zoom(0.2);
    expect(cy.elements(`.${FAR_CLASS}`).length).toBe(3);
    cy.add({ data: { id: 'c' } });
    expect(cy.$id('c').hasClass(FAR_CLASS)).toBe(true);
    cy.zoom(1);
    expect(cy.elements(`.${FAR_CLASS}`).length).toBe(0);
    dispose();
    cy.zoom(0.2);
    expect(cy.elements(`.${FAR_CLASS}`).length).toBe(0);
    cy.destroy();
  });
});
