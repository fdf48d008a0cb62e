import { notFound, redirect } from 'next/navigation';
import { SHIPPED_STORIES } from '@/lib/stories';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/story/article`: a short, readable address for a shipped story; the explorer link it stands for. */
export default async function StoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!SHIPPED_STORIES.some((s) => s.id === id)) notFound();
  const { lang, step } = await searchParams;
  const extra = new URLSearchParams();
  if (typeof step === 'string') extra.set('step', step);
  if (typeof lang === 'string') extra.set('lang', lang);
  redirect(`/?story=${id}${extra.size > 0 ? `&${extra}` : ''}`);
}
