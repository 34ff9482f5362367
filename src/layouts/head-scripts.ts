import { sitePolicy } from '../lib/content-security-policy.ts';

/** Applies the saved theme before first paint (no flash); the toggle lives in src/scripts/site.ts. Inline, so its hash is in the policy. */
export const THEME_BEFORE_PAINT =
  "try { const t = localStorage.getItem('theme'); if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t; } catch {}";

/** The Content-Security-Policy of every page built with Base.astro (src/lib/content-security-policy.ts). */
export const SITE_POLICY = sitePolicy([THEME_BEFORE_PAINT]);
