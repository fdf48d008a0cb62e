import type { EvidenceGrade } from '../graph/evidence';
import type { PropertyValue, SourceRef } from '../graph/types';
import { propertyKeys, propertyText, type ExportEntity } from './model';

/**
 * The columns of a graph file (GEXF, GraphML): fixed ones, each property key seen, and the sources,
 * with a type a graph tool can sort and filter by (numbers as double, flags as boolean, else text).
 */

export type AttributeType = 'string' | 'double' | 'boolean';

export interface AttributeColumn<T> {
  /** Safe as an XML id: a0, a1, ... */
  id: string;
  title: string;
  type: AttributeType;
  value: (item: T) => string | number | boolean | null;
}

function inferType(values: PropertyValue[]): AttributeType {
  if (values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'double';
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

type Described = { properties: Record<string, PropertyValue>; sources: SourceRef[] };

/** Fixed columns first, then `property:<key>` for each key, then source ids and addresses. */
export function attributeColumns<T extends Described>(items: T[], fixed: Omit<AttributeColumn<T>, 'id'>[], prefix: string): AttributeColumn<T>[] {
  const columns: Omit<AttributeColumn<T>, 'id'>[] = [
    ...fixed,
    ...propertyKeys(items).map((key) => {
      const type = inferType(items.map((i) => i.properties[key]).filter((v): v is PropertyValue => v !== undefined));
      return {
        title: `property:${key}`,
        type,
        value: (item: T) => {
          const v = item.properties[key];
          return v === undefined ? null : type === 'string' ? propertyText(v) : (v as number | boolean);
        },
      };
    }),
    { title: 'source_ids', type: 'string', value: (item: T) => item.sources.map((s) => s.id).join('; ') || null },
    { title: 'source_urls', type: 'string', value: (item: T) => item.sources.map((s) => s.url).join('; ') || null },
  ];
  return columns.map((c, i) => ({ ...c, id: `${prefix}${i}` }));
}

/** The grade column, on a graph whose facts have grades (lib/graph/evidence.ts): none on any other. */
export function evidenceField<T extends { evidence?: EvidenceGrade | undefined }>(items: T[]): Omit<AttributeColumn<T>, 'id'>[] {
  return items.some((i) => i.evidence) ? [{ title: 'evidence', type: 'string', value: (i: T) => i.evidence ?? null }] : [];
}

/** The fixed entity columns both graph formats carry: type, names in each language, description, degree. */
export const ENTITY_FIELDS: Omit<AttributeColumn<ExportEntity>, 'id'>[] = [
  { title: 'type', type: 'string', value: (e) => e.type },
  { title: 'name_en', type: 'string', value: (e) => e.names.en ?? null },
  { title: 'name_ru', type: 'string', value: (e) => e.names.ru ?? null },
  { title: 'name_zh', type: 'string', value: (e) => e.names.zh ?? null },
  { title: 'description', type: 'string', value: (e) => e.description },
  { title: 'degree', type: 'double', value: (e) => e.degree },
];
