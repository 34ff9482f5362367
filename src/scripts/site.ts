import { highlightFromUrl } from './search.ts';

/** Small site-wide behaviours: theme toggle, `/` to focus search, query terms marked on a page opened from a search result. */
export function initSiteScripts(): void {
  highlightFromUrl();
  const root = document.documentElement;
  const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  const current = () =>
    root.dataset['theme'] ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const show = () => toggle?.setAttribute('aria-pressed', String(current() === 'dark'));
  show();
  toggle?.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset['theme'] = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    show();
  });

  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    const box = document.querySelector<HTMLInputElement>('[data-search-main]') ?? document.querySelector<HTMLInputElement>('[data-search-shortcut]');
    if (box) {
      e.preventDefault();
      box.focus();
      box.select();
    }
  });
}
