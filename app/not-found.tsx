import Link from 'next/link';
import { pageLocale, translator } from '@/lib/i18n/server';

export default async function NotFound() {
  const locale = await pageLocale();
  const t = translator(locale, 'errors');
  return (
    <main className="error-page">
      <h1>{t('notFoundPage.title')}</h1>
      <p>{t('notFoundPage.text')}</p>
      <Link href={`/?lang=${locale}`}>{t('notFoundPage.open')}</Link>
    </main>
  );
}
