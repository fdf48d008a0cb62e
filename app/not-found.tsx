import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="error-page">
      <h1>Not found</h1>
      <p>There is no such entity or page. It may have been renamed or removed from the dataset.</p>
      <Link href="/">Open the explorer</Link>
    </main>
  );
}
