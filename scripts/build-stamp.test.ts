import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsCurrent, markBuilt, sourceHash } from './build-stamp';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function project(): string {
  root = mkdtempSync(path.join(tmpdir(), 'stamp-'));
  for (const dir of ['app', 'lib', '.workers', '.next']) mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, 'app', 'page.tsx'), 'export default 1;');
  writeFileSync(path.join(root, 'lib', 'a.ts'), 'export const a = 1;');
  writeFileSync(path.join(root, 'package-lock.json'), '{}');
  writeFileSync(path.join(root, '.workers', 'heavy.worker.cjs'), '');
  return root;
}

describe('the build stamp', () => {
  it('says a build is current until a source, the lockfile or a baked-in setting changes; tests do not count', () => {
    project();
    expect(buildIsCurrent('.next', {}, root)).toBe(false);
    writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'x');
    markBuilt('.next', sourceHash('.next', {}, root), root);
    expect(buildIsCurrent('.next', {}, root)).toBe(true);

    writeFileSync(path.join(root, 'lib', 'a.test.ts'), 'test');
    expect(buildIsCurrent('.next', {}, root)).toBe(true);
    expect(buildIsCurrent('.next', { NEXT_PUBLIC_E2E: '1' }, root)).toBe(false);

    writeFileSync(path.join(root, 'lib', 'a.ts'), 'export const a = 2;');
    expect(buildIsCurrent('.next', {}, root)).toBe(false);
    markBuilt('.next', sourceHash('.next', {}, root), root);
    writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(buildIsCurrent('.next', {}, root)).toBe(false);
  });

  it('never takes a half-finished build for a current one', () => {
    project();
    markBuilt('.next', sourceHash('.next', {}, root), root);
    // No BUILD_ID: the build did not finish.
    expect(buildIsCurrent('.next', {}, root)).toBe(false);
  });
});
