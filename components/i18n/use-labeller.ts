'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { makeLabeller, type Labeller, type Lookup } from '@/lib/i18n/labeller';

/** Entity captions, type and relationship names in the page's language (see lib/i18n/labeller.ts). */
export function useLabeller(): Labeller {
  const locale = useLocale();
  const types = useTranslations('types');
  const relations = useTranslations('relations');
  const common = useTranslations('common');
  return useMemo(() => makeLabeller(locale, {
    types: types as unknown as Lookup, relations: relations as unknown as Lookup, common: common as unknown as Lookup,
  }), [locale, types, relations, common]);
}
