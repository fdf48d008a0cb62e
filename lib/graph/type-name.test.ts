import { describe, expect, it } from 'vitest';
import { isTypeName, MAX_TYPE_NAME_LENGTH, typeNameProblem } from './type-name';

describe('the one type-name rule', () => {
  it('accepts what a database may call a label or relationship type', () => {
    for (const name of ['PARTNER_OF', 'Country', 'Research Lab', 'Научный центр', 'Учёный', '合作 伙伴', 'works-for', 'a,b;c~d', 'x'.repeat(MAX_TYPE_NAME_LENGTH)]) {
      expect(isTypeName(name), name).toBe(true);
    }
  });

  it('refuses only what cannot be a name, and says why', () => {
    expect(typeNameProblem('')).toMatch(/empty/);
    expect(typeNameProblem('   ')).toMatch(/spaces/);
    expect(typeNameProblem('A\u0000B')).toMatch(/control/);
    expect(typeNameProblem('A\nB')).toMatch(/control/);
    expect(typeNameProblem('x'.repeat(MAX_TYPE_NAME_LENGTH + 1))).toMatch(/longer/);
  });
});
