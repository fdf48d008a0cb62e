'use client';

import type { Core } from 'cytoscape';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslations } from 'use-intl';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/export/filename';
import type { Translate } from '@/lib/export/texts';
import type { ExportSource } from './run-export';
import { useDataset } from '../explorer/dataset-context';

type Status = { kind: 'idle' } | { kind: 'busy'; format: ExportFormat } | { kind: 'done'; file: string } | { kind: 'failed'; message: string };

/**
 * "Export" in the toolbar: a menu button (WAI-ARIA pattern) whose items download the view as a
 * picture, data or a graph file. Arrow keys, Home/End and first letters move between items; Enter or
 * Space picks one; Escape closes and gives the focus back to the button. The export code loads on
 * first use.
 */
export function ExportMenu({ cy, source }: { cy: Core | null; source: () => ExportSource }) {
  const t = useTranslations('export');
  const dataset = useDataset();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemsRef = useRef<(HTMLButtonElement | null)[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const menuId = useId();

  const openAt = (index: number) => {
    setFocusIndex((index + EXPORT_FORMATS.length) % EXPORT_FORMATS.length);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (open) itemsRef.current[focusIndex]?.focus();
  }, [open, focusIndex]);

  // A press anywhere outside closes the menu (and leaves the focus where the press put it).
  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  useEffect(() => {
    if (status.kind !== 'done') return;
    const timer = setTimeout(() => setStatus({ kind: 'idle' }), 6000);
    return () => clearTimeout(timer);
  }, [status]);

  const choose = async (format: ExportFormat) => {
    close(true);
    if (status.kind === 'busy') return;
    const view = source();
    if (view.graph.nodes.length === 0) return setStatus({ kind: 'failed', message: t('status.empty') });
    if ((format === 'png' || format === 'svg') && !cy) return setStatus({ kind: 'failed', message: t('status.noCanvas') });
    setStatus({ kind: 'busy', format });
    try {
      const [{ runExport }, { exportTexts }] = await Promise.all([import('./run-export'), import('@/lib/export/texts')]);
      const texts = exportTexts(t as unknown as Translate);
      // The files are titled after the graph they come from.
      const file = await runExport(format, view, cy, dataset.title ? { ...texts, title: dataset.title } : texts);
      setStatus({ kind: 'done', file });
    } catch (error) {
      setStatus({ kind: 'failed', message: t('status.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(EXPORT_FORMATS.length - 1);
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, number> = { ArrowDown: focusIndex + 1, ArrowUp: focusIndex - 1, Home: 0, End: EXPORT_FORMATS.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      openAt(moves[event.key]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      // Type-ahead: the next item whose label starts with the letter.
      const labels = EXPORT_FORMATS.map((f) => t(`menu.${f}`).toLocaleLowerCase());
      for (let step = 1; step <= labels.length; step++) {
        const i = (focusIndex + step) % labels.length;
        if (labels[i]!.startsWith(event.key.toLocaleLowerCase())) return openAt(i);
      }
    }
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        id={`${menuId}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={status.kind === 'busy'}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        <svg className="export-icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          <path d="M8 1.5v8.5M4.5 6.5 8 10l3.5-3.5M2 11.5v2.5h12v-2.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="export-label">{t('menu.button')}</span><span aria-hidden="true" className="caret">▾</span>
      </button>
      {open && (
        <ul className="menu" role="menu" id={menuId} aria-label={t('menu.label')} onKeyDown={onMenuKey}>
          {EXPORT_FORMATS.map((format, i) => (
            <li key={format} role="none">
              <button
                ref={(el) => { itemsRef.current[i] = el; }}
                type="button"
                role="menuitem"
                tabIndex={i === focusIndex ? 0 : -1}
                onClick={() => void choose(format)}
                onMouseEnter={() => setFocusIndex(i)}
              >
                <span className="menu-label">{t(`menu.${format}`)}</span>
                <span className="menu-hint">{t(`menu.${format}Hint`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="export-status" role="status">
        {status.kind === 'busy' && t('status.preparing', { format: t(`menu.${status.format}`) })}
        {status.kind === 'done' && t('status.done', { file: status.file })}
      </p>
      <div className="export-status error" role="alert">
        {status.kind === 'failed' && (
          <>
            <span>{status.message}</span>
            <button type="button" className="icon" aria-label={t('status.dismiss')} onClick={() => setStatus({ kind: 'idle' })}>×</button>
          </>
        )}
      </div>
    </div>
  );
}
