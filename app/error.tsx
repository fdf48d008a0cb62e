'use client';

/** Last resort for an unexpected server error: say so plainly and offer a way back. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="error-page">
      <h1>Something went wrong</h1>
      <p>The explorer could not show this view. Your link is unchanged; you can try again or start over.</p>
      <div className="row">
        <button type="button" onClick={reset}>Try again</button>
        <a href="/">Start over</a>
      </div>
    </main>
  );
}
