'use client';

import { useTranslations } from 'use-intl';

/** Last resort for an unexpected server error: say so plainly and offer a way back. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errors.page');
  return (
    <main className="error-page">
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <div className="row">
        <button type="button" onClick={reset}>{t('tryAgain')}</button>
        <a href="/">{t('startOver')}</a>
      </div>
    </main>
  );
}
