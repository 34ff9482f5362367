/**
 * The search page (/search/) as the tests use it: open it, search, filter,
 * read the results as a reader sees them. Shared by the browser tests
 * (tests/e2e) and the search-quality test on the real archive (tests/corpus),
 * so that a change to the page's markup is fixed in one place.
 */
import type { Browser, Page } from 'playwright-core';

export interface SearchResult {
  /** Path of the result link (with the base). */
  path: string;
  /** `#anchor` of the section it lands on ('' for the page itself). */
  hash: string;
  title: string;
  section: string;
  series: string;
  date: string;
  /** Marked words of the excerpt, lower-case. */
  marks: string[];
}

/** A topic shown above the results (the query names it). */
export interface TopicResult {
  /** `data-topic`: the key in api/topics.json. */
  key: string;
  title: string;
  /** Series, number of meetings, date range. */
  meta: string;
  /** Distance from the top of the viewport, in CSS pixels. */
  top: number;
  /** Links to the thread's meetings (path + hash). */
  meetings: string[];
}

export type SearchFilter = 'series' | 'year' | 'participant' | 'sort';

export class SearchPage {
  /** Script errors and console errors seen since the page opened. */
  readonly errors: string[] = [];

  private constructor(readonly page: Page) {
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
  }

  /** Open `<siteUrl>search/<query>` (siteUrl ends with the base and `/`; query like `?q=x&year=2024`). */
  static async open(browser: Browser, siteUrl: string, query = ''): Promise<SearchPage> {
    return SearchPage.at(browser, `${siteUrl}search/${query}`);
  }

  /** Open any page of the site, e.g. to reach search from its header box. */
  static async at(browser: Browser, url: string): Promise<SearchPage> {
    const search = new SearchPage(await browser.newPage());
    await search.page.goto(url);
    return search;
  }

  /** Wait for the search to settle and return the results as shown. */
  async results(limit = Infinity): Promise<SearchResult[]> {
    await this.page.waitForSelector('[data-search-root][data-state="done"]');
    const all = await this.page.$$eval('.search-result', (items) =>
      items.map((li) => {
        const a = li.querySelector<HTMLAnchorElement>('a.result-link')!;
        const url = new URL(a.href);
        return {
          path: url.pathname,
          hash: url.hash,
          title: li.querySelector('.result-title')?.textContent ?? '',
          section: li.querySelector('.result-section')?.textContent ?? '',
          series: li.querySelector('.result-series')?.textContent ?? '',
          date: li.querySelector('time')?.textContent ?? '',
          marks: [...li.querySelectorAll('.result-excerpt mark')].map((m) => m.textContent!.toLowerCase()),
        };
      }),
    );
    return all.slice(0, limit);
  }

  /** The topics shown above the results, in order (call after `search`). */
  topics(): Promise<TopicResult[]> {
    return this.page.$$eval('[data-topic-results] [data-topic]', (items) =>
      items.map((li) => ({
        key: li.getAttribute('data-topic') ?? '',
        title: li.querySelector('.result-title')?.textContent ?? '',
        meta: li.querySelector('.result-meta')?.textContent ?? '',
        top: li.getBoundingClientRect().top,
        meetings: [...li.querySelectorAll<HTMLAnchorElement>('a[data-topic-meeting]')].map((a) => new URL(a.href).pathname + new URL(a.href).hash),
      })),
    );
  }

  /** Distance of the first meeting result from the top of the viewport. */
  firstResultTop(): Promise<number> {
    return this.page.$eval('.search-result', (li) => li.getBoundingClientRect().top);
  }

  /** Put a query in the box at once (as a paste does) and wait for its results. */
  async search(q: string): Promise<SearchResult[]> {
    await this.page.fill('[data-search-main]', q);
    await this.settled(q);
    return this.results();
  }

  /** Type a query key by key (the search runs as you type) and wait for its results. */
  async type(q: string): Promise<SearchResult[]> {
    await this.page.fill('[data-search-main]', '');
    await this.page.type('[data-search-main]', q, { delay: 10 });
    await this.settled(q);
    return this.results();
  }

  /** Choose a filter or order; waits until the URL says so. */
  async choose(filter: SearchFilter, value: string): Promise<SearchResult[]> {
    await this.page.selectOption(`select[name="${filter}"]`, value);
    await this.page.waitForFunction(([f, v]) => new URLSearchParams(location.search).get(f!) === v, [filter, value]);
    return this.results();
  }

  /** Values of a filter's options, in order ('' is "all"). */
  options(filter: SearchFilter): Promise<string[]> {
    return this.page.$$eval(`select[name="${filter}"] option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
  }

  /** What the form shows: the query and each filter. */
  async state(): Promise<{ q: string } & Record<SearchFilter, string>> {
    const value = (selector: string) => this.page.inputValue(selector);
    return {
      q: await value('[data-search-main]'),
      series: await value('select[name="series"]'),
      year: await value('select[name="year"]'),
      participant: await value('select[name="participant"]'),
      sort: await value('select[name="sort"]'),
    };
  }

  /** Whether the "no search index here yet" note shows. */
  async missingIndexShown(): Promise<boolean> {
    return !(await this.page.$eval('[data-search-missing]', (e) => (e as HTMLElement).hidden));
  }

  close(): Promise<void> {
    return this.page.close();
  }

  private async settled(q: string): Promise<void> {
    await this.page.waitForFunction(
      (q) => new URLSearchParams(location.search).get('q') === q && document.querySelector('[data-search-root]')?.getAttribute('data-state') === 'done',
      q,
    );
  }
}
