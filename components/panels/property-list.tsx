import { useLocale, useTranslations } from 'use-intl';
import type { PropertyValue } from '@/lib/graph/types';
import { FallbackBadge } from '../i18n/caption';

/** "joinedBri" -> "Joined bri": property keys read as words. */
function propertyLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Properties are data, shown as recorded (keys and text in English); in another interface language
 * the section says so. Booleans and numbers read in the interface language.
 */
export function PropertyList({ properties }: { properties: Record<string, PropertyValue> }) {
  const t = useTranslations('panels');
  const common = useTranslations('common');
  const locale = useLocale();
  const entries = Object.entries(properties);
  if (entries.length === 0) return null;
  const scalar = (value: string | number | boolean) => (typeof value === 'boolean' ? t(value ? 'yes' : 'no')
    : typeof value === 'number' && !Number.isInteger(value) ? value.toLocaleString(locale) : String(value));
  const show = (value: PropertyValue) => (Array.isArray(value)
    ? value.length === 1 ? scalar(value[0]!) : <ul>{value.map((v, i) => <li key={i}>{scalar(v)}</li>)}</ul>
    : scalar(value));
  return (
    <section className="panel-section" aria-label={t('properties')}>
      <h3>{t('properties')}{locale !== 'en' && <>{' '}<FallbackBadge title={common('dataInEnglish')} /></>}</h3>
      <dl className="properties" lang="en">
        {entries.map(([key, value]) => (
          <div key={key}>
            <dt>{propertyLabel(key)}</dt>
            <dd>{show(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
