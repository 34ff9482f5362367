/**
 * "Copy link" for every section heading of a meeting: a small menu with the
 * plain URL and a Markdown citation such as
 * `[IaaS 2023-05-17 › Ceph Upgrade: Pacific -> Quincy](https://…/iaas/2023-05-17/#ceph-upgrade-pacific---quincy)`.
 * Without JS the heading's anchor link (rendered server-side) still works.
 */
export function citation(label: string, section: string | undefined, url: string): string {
  const text = section ? `${label} › ${section}` : label;
  return `[${text.replace(/([[\]])/g, '\\$1')}](${url})`;
}

function headingText(h: HTMLElement): string {
  const clone = h.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('.heading-anchor, .copy-link').forEach((n) => n.remove());
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function copy(text: string, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied';
  } catch {
    status.textContent = 'Copy failed: select the link instead';
  }
  setTimeout(() => (status.textContent = ''), 2000);
}

export function initCopyLinks(root: ParentNode = document): void {
  const article = root.querySelector<HTMLElement>('[data-cite-label]');
  if (!article) return;
  const label = article.dataset['citeLabel'] ?? document.title;
  const status = document.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.append(status);
  const page = `${location.origin}${location.pathname}`;

  const add = (h: HTMLElement, section: string | undefined, anchor: string | undefined) => {
    const url = anchor ? `${page}#${anchor}` : page;
    const wrap = document.createElement('span');
    wrap.className = 'copy-link';
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'copy-link-toggle';
    toggle.setAttribute('aria-haspopup', 'true');
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-label', `Copy link to ${section ?? 'this meeting'}`);
    toggle.textContent = 'Copy';
    const menu = document.createElement('span');
    menu.className = 'copy-link-menu';
    menu.hidden = true;
    const item = (text: string, value: string, kind: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset['copy'] = kind;
      b.textContent = text;
      b.addEventListener('click', () => {
        void copy(value, status);
        menu.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
      });
      return b;
    };
    menu.append(item('Copy URL', url, 'url'), item('Copy Markdown', citation(label, section, url), 'markdown'));
    toggle.addEventListener('click', () => {
      menu.hidden = !menu.hidden;
      toggle.setAttribute('aria-expanded', String(!menu.hidden));
      if (!menu.hidden) menu.querySelector('button')?.focus();
    });
    wrap.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !menu.hidden) {
        menu.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
      }
    });
    wrap.append(toggle, menu);
    h.append(wrap);
  };

  const title = article.querySelector<HTMLElement>('h1');
  if (title) add(title, undefined, undefined);
  for (const h of article.querySelectorAll<HTMLElement>('.minutes :is(h1,h2,h3,h4,h5,h6)[id]')) {
    add(h, headingText(h), h.id);
  }
}
