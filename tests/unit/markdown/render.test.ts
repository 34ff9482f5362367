import { parseMarkdown } from '../../../src/lib/markdown/parse.ts';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { normalizeSource } from '../../../src/lib/markdown/source.ts';
import { renderMarkdownFragment, renderMinutes, type RenderOptions, type RenderResult } from '../../../src/lib/markdown/render.ts';


/** Parse the way the minutes parser does; optionally give headings anchors (as the parser would). */
function parse(text: string, anchors?: string[]): Root {
  const tree = parseMarkdown(normalizeSource(text));
  if (anchors) {
    let i = 0;
    const walk = (node: { type: string; children?: unknown[]; data?: unknown }): void => {
      if (node.type === 'heading') node.data = { hProperties: { id: anchors[i++] } };
      for (const c of (node.children ?? []) as (typeof node)[]) walk(c);
    };
    walk(tree);
  }
  return tree;
}

const options: RenderOptions = {
  resolveAsset: (url) => {
    const m = /^https:\/\/input\.example\/uploads\/(abc\.png)$/.exec(url) ?? /^(local[\w.-]*\.png)$/.exec(url);
    return m ? `/media/cc/${m[1]}` : undefined;
  },
  resolveMinutesLink: (url) => {
    const m = /^https:\/\/github\.com\/org\/minutes\/(?:blob|tree)\/main\/(iaas)\/(\d{4})(\d\d)(\d\d)\.md(#.*)?$/.exec(url);
    if (m) return `/${m[1]}/${m[2]}-${m[3]}-${m[4]}/${m[5] ?? ''}`;
    const r = /^(\d{4})(\d\d)(\d\d)-special\.md(#.*)?$/.exec(url);
    return r ? `/iaas/${r[1]}-${r[2]}-${r[3]}-special/${r[4] ?? ''}` : undefined;
  },
  issuePageUrl: (url) => {
    const m = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/(?:issues|pull|discussions)\/(\d+)/i.exec(url);
    return m ? `/issues/${m[1]!.toLowerCase()}/${m[2]!.toLowerCase()}/${m[3]}/` : undefined;
  },
};

/** The HTML of a render that must not have failed anywhere. */
function htmlOf(result: RenderResult): string {
  expect(result.problems).toEqual([]);
  return result.html;
}
const render = (text: string): string => htmlOf(renderMinutes(parse(text), options));

/** What a reader sees: tags removed, entities decoded. */
function visible(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#x3C;|&lt;/g, '<')
    .replace(/&#x3E;|&gt;/g, '>')
    .replace(/&#x22;|&quot;/g, '"')
    .replace(/&#x26;|&amp;/g, '&');
}

describe('sanitizer: nothing executes, nothing restyles', () => {
  const cases: { name: string; input: string; absent: RegExp[]; present?: RegExp[] }[] = [
    { name: 'script element (block)', input: '<script>alert(1)</script>', absent: [/<script/i, /alert\(1\)/] },
    { name: 'script element (inline)', input: 'a <script>alert(1)</script> b', absent: [/<script/i, /alert\(1\)/], present: [/a\s+b/] },
    { name: 'script inside svg', input: '<svg><script>alert(1)</script></svg>', absent: [/<svg/i, /<script/i, /alert/] },
    {
      name: 'onerror / onclick attributes',
      input: '<img src="https://e.example/a.png" onerror="alert(1)"> <b onclick="alert(2)">x</b>',
      absent: [/onerror/i, /onclick/i, /alert/],
      present: [/<img src="https:\/\/e\.example\/a\.png"/, /<b>x<\/b>/],
    },
    {
      name: 'javascript: href (Markdown, raw, mixed case, entity-obfuscated)',
      input: '[a](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">b</a> <a href="java&#x09;script:alert(3)">c</a>',
      absent: [/javascript/i, /href=/],
      present: [/>a</, />b</, />c</],
    },
    { name: 'vbscript: href', input: '<a href="vbscript:msgbox(1)">v</a>', absent: [/vbscript/i, /href=/] },
    {
      name: 'data: src and href',
      input: '![x](data:image/png;base64,AAAA) <img src="data:image/svg+xml,<svg onload=alert(1)>"> [d](data:text/html,<script>alert(1)</script>)',
      absent: [/data:/i, /<script/i, /onload/i],
    },
    { name: 'iframe', input: '<iframe src="https://evil.example/"></iframe>', absent: [/<iframe/i, /evil\.example/] },
    { name: 'iframe without closing tag (inline)', input: 'a <iframe src="https://evil.example/"> rest', absent: [/<iframe/i], present: [/rest/] },
    { name: 'object and embed', input: '<object data="https://evil.example/x.swf"></object>\n\n<embed src="https://evil.example/x.swf">', absent: [/<object/i, /<embed/i, /evil/] },
    {
      name: 'form, input, button',
      input: '<form action="https://evil.example/"><input name="q" type="text"><button>Go</button></form>',
      absent: [/<form/i, /<input/i, /<button/i, /action=/i, /evil/],
    },
    {
      name: 'meta http-equiv refresh',
      input: '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      absent: [/<meta/i, /http-equiv/i, /evil/],
    },
    { name: 'link and base elements', input: '<link rel="stylesheet" href="https://evil.example/x.css">\n\n<base href="https://evil.example/">', absent: [/<link/i, /<base/i, /evil/] },
    {
      name: 'style element: no tag and no CSS text (block)',
      input: '<style>\n  h1, h2 { color: red; font-size: 99px }\n</style>\n\n# Title',
      absent: [/<style/i, /color:\s*red/, /font-size/],
      present: [/Title/],
    },
    { name: 'style element: no tag and no CSS text (inline)', input: 'a <style>p{color:red}</style> b', absent: [/<style/i, /color:red/] },
    {
      name: 'style attribute',
      input: '<p style="position:fixed;top:0">x</p> <span style="color:red">y</span>',
      absent: [/style=/i, /position:fixed/],
      present: [/x/, /y/],
    },
    {
      name: 'class injection',
      input: '<div class="site-header heading-anchor">x</div> <span class="callout">y</span>',
      absent: [/class=/i],
      present: [/x/, /y/],
    },
    {
      name: 'id and name clobbering get the user-content- prefix',
      input: '<p id="main">x</p> <a name="search">y</a> <h2 id="site-header">z</h2>',
      absent: [/id="main"/, /name="search"/, /id="site-header"/],
      present: [/id="user-content-main"/, /name="user-content-search"/, /id="user-content-site-header"/],
    },
    { name: 'accesskey and tabindex', input: '<b accesskey="s" tabindex="1">k</b>', absent: [/accesskey/i, /tabindex/i] },
    { name: 'template / noscript / textarea content stays inert', input: '<template><img src=x onerror=alert(1)></template>', absent: [/onerror/i, /<template/i] },
    { name: 'HTML comments dropped', input: '<!-- .slide: data-background="https://e.example/bg.jpg" -->\n\ntext <!-- note --> more', absent: [/<!--/, /slide/, /note/], present: [/text\s+more/] },
    { name: 'multi-line comment hides a slide', input: '<!--\n# Hidden slide\n- secret\n-->\n\nshown', absent: [/Hidden/, /secret/], present: [/shown/] },
  ];
  it.each(cases)('$name', ({ input, absent, present = [] }) => {
    const html = render(input);
    for (const re of absent) expect(html).not.toMatch(re);
    for (const re of present) expect(html).toMatch(re);
  });

  it('GFM task-list checkboxes stay, disabled', () => {
    const html = render('- [ ] open\n- [x] done');
    expect(html).toMatch(/<input type="checkbox" disabled>/);
    expect(html).toMatch(/<input type="checkbox" checked disabled>/);
  });

  it('no attribute survives as an event handler on any tag', () => {
    const tags = ['a', 'b', 'div', 'img', 'p', 'span', 'table', 'details', 'svg', 'body', 'video', 'audio', 'marquee'];
    const html = render(tags.map((t) => `<${t} onmouseover="alert(1)" onload="alert(1)" onfocus="alert(1)">x</${t}>`).join('\n'));
    expect(html).not.toMatch(/\son\w+=/i);
  });
});

describe('Markdown and HedgeDoc-isms', () => {
  const cases: { name: string; input: string; html?: RegExp[]; text?: string[]; absent?: RegExp[] }[] = [
    { name: 'emoji shortcodes (incl. GitHub names :family: :telephone:)', input: ':rocket: :family: :telephone: :notebook:', text: ['🚀 👪 ☎️ 📓'] },
    {
      name: 'colons that are not emoji stay',
      input: 'Note:foo at 10:30, :notanemoji: and :: and `:rocket:`',
      text: ['Note:foo at 10:30, :notanemoji: and ::'],
      html: [/<code>:rocket:<\/code>/],
    },
    {
      name: 'sized image: width/height attributes, alt kept, no title',
      input: '![Logo](https://e.example/logo.png =80%x75%)',
      html: [/<img src="https:\/\/e\.example\/logo\.png" alt="Logo" width="80%" height="75%"/],
      absent: [/title=/, /style=/],
    },
    { name: 'sized image, width only, px dropped', input: '![](https://e.example/a.png =300pxx)', html: [/width="300"/], absent: [/height=/] },
    { name: 'sized image keeps a real title', input: '![a](https://e.example/a.png "Hi" =10x20)', html: [/title="Hi"/, /width="10"/, /height="20"/] },
    {
      name: ':::info renders as an aside',
      input: ':::info\nSome **bold** text\n:::',
      html: [/<aside class="callout callout-info">\s*<p>Some <strong>bold<\/strong> text<\/p>\s*<\/aside>/],
      absent: [/:::/],
    },
    {
      name: ':::warning right after a list (no blank lines) wraps the list that follows',
      input: '- a\n:::warning\n- b\n:::\nafter',
      html: [/<ul>\s*<li>a<\/li>\s*<\/ul>\s*<aside class="callout callout-warning">\s*<ul>\s*<li>b<\/li>\s*<\/ul>\s*<\/aside>\s*<p>after<\/p>/],
    },
    { name: ':::success / :::danger', input: ':::success\nok\n:::\n\n:::danger\nbad\n:::', html: [/callout-success/, /callout-danger/] },
    {
      name: ':::spoiler renders as details/summary',
      input: ':::spoiler {state="open"} Click to show\nhidden\n:::',
      html: [/<details open>\s*<summary>Click to show<\/summary>\s*<p>hidden<\/p>\s*<\/details>/],
    },
    { name: 'unclosed container runs to the end', input: ':::info\na\n\nb', html: [/<aside class="callout callout-info">\s*<p>a<\/p>\s*<p>b<\/p>\s*<\/aside>/] },
    {
      name: 'a container title with </script>, --> and % is shown as written',
      input: ':::info a </script> b --> 100%3C\ninside\n:::',
      html: [/<aside class="callout callout-info">\s*<p><strong>a &#x3C;\/script> b --> 100%3C<\/strong><\/p>\s*<p>inside<\/p>\s*<\/aside>/],
    },
    {
      name: 'a container title with </script> inside a script block leaves nothing of the marker behind',
      input: '<script>\n:::info </script> x\nin the script\n:::\n</script>\n\nAfter text.',
      html: [/^\s*<p>After text\.<\/p>$/],
      absent: [/-->/, /<script/],
    },
    { name: 'stray ::: stays text', input: 'a\n\n:::\n\nb', text: [':::'] },
    {
      name: 'placeholders stay visible',
      input: 'SCS-<n>C:<m>:<o>s, https://scs.community/members/<NAME>, <link>, <USER>, Road to <YOUR_MINOR_VERSION>, <title>, <input>',
      text: ['SCS-<n>C:<m>:<o>s', '/members/<NAME>', '<link>', '<USER>', 'Road to <YOUR_MINOR_VERSION>', '<title>', '<input>'],
    },
    {
      name: 'placeholder at the start of a line does not swallow the paragraph',
      input: '<NAME>\nmore **bold** text',
      text: ['<NAME>'],
      html: [/<strong>bold<\/strong>/],
    },
    { name: 'placeholder inside real HTML', input: '<div>\nhello <USER>\n</div>', text: ['hello <USER>'] },
    { name: 'placeholder in inline code', input: '`<provider>-<CSname>`', html: [/<code>&#x3C;provider>-&#x3C;CSname><\/code>/] },
    { name: 'stray < arrows', input: '* New user stories <- Thu morning (<10k€) <-- x', text: ['New user stories <- Thu morning (<10k€) <-- x'] },
    {
      name: 'font tag: content kept, tag and attributes dropped',
      input: '## <font color="#7D7D82" size=12px>Community Call</br> 2024-07-25</font>',
      html: [/Community Call<br> 2024-07-25/],
      absent: [/<font/i, /color=/, /size=/],
    },
    { name: '</br> and <br> are line breaks', input: 'a</br>b<br>c<br/>d', html: [/a<br>b<br>c<br>d/] },
    { name: 'unclosed <style> does not hide the rest', input: '<style>\nh1 { color: red }\n\n# Still here', html: [/Still here/], absent: [/<style/] },
    { name: 'slide separators render as rules', input: '# One\n\n---\n\n# Two\n\n----\n\n## Three', html: [/<hr>[\s\S]*<hr>/] },
    { name: 'GFM autolink literal', input: 'see https://e.example/x', html: [/<a href="https:\/\/e\.example\/x" rel="noopener">/] },
    { name: 'GFM table', input: '| a | b |\n|---|---|\n| 1 | 2 |', html: [/<table>/, /<td>1<\/td>/] },
  ];
  it.each(cases)('$name', ({ input, html = [], text = [], absent = [] }) => {
    const out = render(input);
    for (const re of html) expect(out).toMatch(re);
    for (const t of text) expect(visible(out)).toContain(t);
    for (const re of absent) expect(out).not.toMatch(re);
  });
});

describe('links and images', () => {
  const cases: { name: string; input: string; html: RegExp[]; absent?: RegExp[] }[] = [
    {
      name: 'GitHub issue link keeps its link and gains an issue-page link',
      input: 'see https://github.com/SovereignCloudStack/issues/issues/28',
      html: [
        /<a href="https:\/\/github\.com\/SovereignCloudStack\/issues\/issues\/28" rel="noopener">https:\/\/github\.com\/SovereignCloudStack\/issues\/issues\/28<\/a> <a class="issue-page-link" href="\/issues\/sovereigncloudstack\/issues\/28\/" title="Meetings that discussed sovereigncloudstack\/issues#28" aria-label="Meetings that discussed sovereigncloudstack\/issues#28">↗<\/a>/,
      ],
    },
    {
      name: 'PR and discussion links too (URL wins over text)',
      input: '[#597](https://github.com/Org/Standards/pull/596) [d](https://github.com/org/r/discussions/7)',
      html: [/href="\/issues\/org\/standards\/596\/"/, /title="Meetings that discussed org\/standards#596"/, /href="\/issues\/org\/r\/7\/"/],
    },
    { name: 'non-issue GitHub link: no decoration', input: '[repo](https://github.com/org/repo)', html: [/rel="noopener"/], absent: [/issue-page-link/] },
    {
      name: 'minutes self-link becomes internal',
      input: '[last week](https://github.com/org/minutes/blob/main/iaas/20220801.md#agenda)',
      html: [/<a href="\/iaas\/2022-08-01\/#agenda">last week<\/a>/],
      absent: [/rel=/, /github\.com/],
    },
    {
      name: 'relative link to another minutes file becomes internal',
      input: '[2023-07-04](20230704-special.md#designing)',
      html: [/<a href="\/iaas\/2023-07-04-special\/#designing">2023-07-04<\/a>/],
    },
    {
      name: 'relative link the archive does not publish loses its href, keeps its text',
      input: '[readme](../README.md)',
      html: [/<a title="Not in the archive: ..\/README.md">readme<\/a>/],
      absent: [/href=/],
    },
    {
      name: 'remote upload with a local copy uses the local copy',
      input: '![](https://input.example/uploads/abc.png =50%x)',
      html: [/<img src="\/media\/cc\/abc\.png" alt="" width="50%" loading="lazy">/],
    },
    {
      name: 'raw <img> is rewritten too',
      input: '<img src="https://input.example/uploads/abc.png" width="300" />',
      html: [/<img src="\/media\/cc\/abc\.png" width="300" alt="" loading="lazy">/],
    },
    { name: 'local image next to the minutes', input: '![diagram](local-1.png)', html: [/<img src="\/media\/cc\/local-1\.png" alt="diagram"/] },
    { name: 'missing relative image: text placeholder', input: '![diagram](gone.png)', html: [/\[image: diagram\]/], absent: [/<img/] },
    { name: 'remote image without local copy stays remote', input: '![x](https://input.example/uploads/none.jpg)', html: [/<img src="https:\/\/input\.example\/uploads\/none\.jpg"/] },
    { name: 'local copy of a linked upload', input: '[slides](https://input.example/uploads/abc.png)', html: [/<a href="\/media\/cc\/abc\.png">slides<\/a>/] },
    { name: 'empty link is dropped', input: 'x [](https://) y', html: [/<p>x\s+y<\/p>/], absent: [/<a/] },
    { name: 'mailto keeps no rel', input: '<mailto:a@e.example>', html: [/<a href="mailto:a@e\.example">/], absent: [/rel=/] },
    { name: 'in-page link to a raw anchor', input: '<a name="x">t</a> [go](#x)', html: [/<a href="#user-content-x">go<\/a>/] },
    { name: 'dangling in-page link keeps its text only', input: '[go](#nowhere)', html: [/<a>go<\/a>/] },
    {
      name: 'footnotes link to their (prefixed) ids',
      input: 'a[^1]\n\n[^1]: note',
      html: [/href="#user-content-fn-1"/, /id="user-content-fn-1"/, /href="#user-content-fnref-1"/, /id="user-content-fnref-1"/],
    },
  ];
  it.each(cases)('$name', ({ input, html, absent = [] }) => {
    const out = render(input);
    for (const re of html) expect(out).toMatch(re);
    for (const re of absent) expect(out).not.toMatch(re);
  });

  it('a resolver that throws is a render failure: reported with its line, the part shown as text with a note', () => {
    const boom = (url: string): string | undefined => {
      if (url === 'a.md') throw new Error('boom');
      return undefined;
    };
    const result = renderMinutes(parse('# Title\n\nfine ![](https://e.example/a.png)\n\nsee [x](a.md) here\n\nmore'), {
      resolveAsset: () => undefined,
      resolveMinutesLink: boom,
      issuePageUrl: () => undefined,
    });
    expect(result.problems).toEqual([{ line: 5, message: 'boom' }]);
    // The other blocks render as usual.
    expect(result.html).toMatch(/<h1[^>]*>Title/);
    expect(result.html).toMatch(/<p>fine <img src="https:\/\/e\.example\/a\.png" alt="" loading="lazy"><\/p>/);
    expect(result.html).toContain('<p>more</p>');
    // The failed block: a visible note with the line, then its text.
    expect(result.html).toContain(
      '<div class="render-failed" role="note"><p>This part of the minutes could not be rendered (line 5); its text follows as plain text.</p><pre>see x here</pre></div>',
    );
  });
});

describe('headings', () => {
  it('parser anchors come out exactly, with an anchor link', () => {
    const out = htmlOf(renderMinutes(parse('# 2023-05-17\n\n## Agenda\n\n### Ceph Upgrade: Pacific -> Quincy', ['2023-05-17', 'main', 'ceph-upgrade-pacific---quincy']), options));
    expect(out).toContain(
      '<h1 id="2023-05-17" data-pagefind-weight="10">2023-05-17 <a class="heading-anchor" href="#2023-05-17" aria-label="Link to section: 2023-05-17">#</a></h1>',
    );
    // Trusted, so not prefixed even when it looks like a page id.
    expect(out).toContain('<h2 id="main" data-pagefind-weight="10">Agenda <a class="heading-anchor" href="#main" aria-label="Link to section: Agenda">#</a></h2>');
    expect(out).toContain('id="ceph-upgrade-pacific---quincy"');
    expect(out).toContain('aria-label="Link to section: Ceph Upgrade: Pacific -> Quincy"');
  });

  it('every heading of the minutes carries the search weight; minutes cannot set one themselves', () => {
    const out = htmlOf(renderMinutes(parse('#### Deep topic\n\n<h5>raw heading</h5>\n\n<span data-pagefind-weight="10" data-pagefind-ignore>x</span>', ['deep-topic']), options));
    expect(out).toContain('<h4 id="deep-topic" data-pagefind-weight="10">');
    expect(out).toContain('<h5 data-pagefind-weight="10">raw heading</h5>');
    expect(out).not.toMatch(/<span[^>]*data-pagefind/);
    expect(htmlOf(renderMarkdownFragment('## Topic', options))).toBe('<h2>Topic</h2>');
  });

  it('heading markup: emoji and <font> rendered, label is plain text', () => {
    const out = htmlOf(renderMinutes(parse('## :family: <font color="red">Participants</font>', ['family-participants']), options));
    expect(out).toContain('<h2 id="family-participants" data-pagefind-weight="10">👪 Participants <a class="heading-anchor" href="#family-participants" aria-label="Link to section: 👪 Participants">#</a></h2>');
  });

  it('headings without parser anchors get unique GitHub slugs', () => {
    const out = render('## Team IaaS\n\n## Team IaaS\n\n# Team IaaS');
    expect(out).toMatch(/id="team-iaas"/);
    expect(out).toMatch(/id="team-iaas-1"/);
    expect(out).toMatch(/id="team-iaas-2"/);
  });

  it('in-page links to heading anchors stay', () => {
    const out = htmlOf(renderMinutes(parse('## Agenda\n\n[up](#agenda)', ['agenda']), options));
    expect(out).toContain('<a href="#agenda">up</a>');
  });

  it('raw HTML headings cannot forge trusted ids', () => {
    const out = render('<h2 id="agenda">x</h2>');
    expect(out).toContain('id="user-content-agenda"');
    expect(out).not.toMatch(/heading-anchor/);
  });

  it('an unclosed raw-text tag inside an HTML block is text, and the headings after it stay', () => {
    const out = render('<form action="x"><b>a</b></form>\n<iframe src="https://x.example">\n\n## Agenda\n');
    expect(out).toContain('&#x3C;iframe src="https://x.example">');
    expect(out).toMatch(/<h2 id="agenda"[^>]*>Agenda/);
  });

  it('an id that raw HTML repeats stays on the first element only', () => {
    const out = render('<h2 id="agenda">one</h2>\n<h2 id="agenda">two</h2>\n<p id="agenda">three</p>');
    expect(out.match(/id="user-content-agenda"/g)).toHaveLength(1);
    expect(out).toContain('<h2 id="user-content-agenda" data-pagefind-weight="10">one</h2>');
    expect(out).toContain('<h2 data-pagefind-weight="10">two</h2>');
  });
});

describe('ids are unique on the page', () => {
  it('a repeated raw id loses its id; a heading anchor keeps its own', () => {
    const out = htmlOf(renderMinutes(parse('<h2 id="x">raw</h2>\n\n<h2 id="x">again</h2>\n\n## User content x\n\n<span id="user-content-x">y</span>', ['user-content-x']), options));
    expect(out.match(/id="user-content-x"/g)).toHaveLength(1);
    expect(out).toMatch(/<h2 id="user-content-x" data-pagefind-weight="10">User content x /);
    expect(out).toContain('<h2 data-pagefind-weight="10">raw</h2>');
  });
});

describe('renderMarkdownFragment', () => {
  it('uses the same pipeline, without heading anchors', () => {
    const out = htmlOf(renderMarkdownFragment('## Topic\n\n- :rocket: https://github.com/osism/issues/issues/525 <USER> <script>x</script>', options));
    expect(out).toContain('<h2>Topic</h2>');
    expect(out).toContain('🚀');
    expect(out).toMatch(/issue-page-link" href="\/issues\/osism\/issues\/525\/"/);
    expect(visible(out)).toContain('<USER>');
    expect(out).not.toMatch(/<script|heading-anchor/);
  });

  it('an excerpt the renderer fails on: reported, shown as its text with a note', () => {
    const boom = (): never => {
      throw new Error('boom');
    };
    const result = renderMarkdownFragment('see [x](a.md) <b>here</b>', { ...options, resolveMinutesLink: boom });
    expect(result.problems).toEqual([{ message: 'boom' }]);
    expect(result.html).toBe(
      '<div class="render-failed" role="note"><p>This part of the minutes could not be rendered; its text follows as plain text.</p><pre>see [x](a.md) &lt;b&gt;here&lt;/b&gt;</pre></div>',
    );
  });

  it('in-page anchors do not point into another page', () => {
    expect(htmlOf(renderMarkdownFragment('[x](#agenda)', options))).toBe('<p><a>x</a></p>');
  });
});

describe('robustness', () => {
  const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;
  const hostile: { name: string; input: string; check: (html: string) => void }[] = [
    { name: 'empty', input: '', check: (html) => expect(html).toBe('') },
    { name: 'only <', input: '<', check: (html) => expect(visible(html)).toBe('<') },
    { name: 'unclosed tags', input: '<div><span><b>'.repeat(50), check: (html) => expect(visible(html)).toBe('') },
    { name: 'deep nesting', input: '> '.repeat(500) + 'x', check: (html) => expect(visible(html).trim()).toBe('x') },
    {
      name: 'deep lists',
      input: Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
      check: (html) => expect(count(html, /<li>/g)).toBe(200),
    },
    { name: 'plaintext element', input: '<plaintext>\n\n# after', check: (html) => expect(html).toMatch(/<h1[^>]*>after/) },
    { name: 'binary-ish', input: '\u0000\u0001\uFFFD<\u0000a>', check: (html) => expect(html).not.toMatch(/<a[\s>]/) },
    {
      name: 'big',
      input: 'word <b>x</b> :rocket: https://github.com/o/r/issues/1\n\n'.repeat(1000),
      check: (html) => {
        expect(count(html, /🚀/g)).toBe(1000);
        expect(count(html, /<b>x<\/b>/g)).toBe(1000);
      },
    },
    {
      name: 'containers gone wrong',
      input: ':::info\n:::spoiler\n:::\n:::\n:::\n:::danger',
      check: (html) => {
        expect(html).toMatch(/<aside class="callout callout-info">/);
        expect(html).toMatch(/<details>/);
        expect(html).toMatch(/<aside class="callout callout-danger">/);
      },
    },
  ];
  it.each(hostile)(
    'renders without a problem: $name',
    ({ input, check }) => {
      check(render(input));
      check(htmlOf(renderMarkdownFragment(input, options)));
    },
    30_000,
  );

  it('a tree the pipeline cannot handle is reported, and shown as a note', () => {
    const bogus = { type: 'root', children: [{ type: 'weird', children: [{ type: 'text' }] }, { type: 'heading', depth: 9 }] } as unknown as Root;
    const result = renderMinutes(bogus, options);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]!.message).not.toBe('');
    expect(result.html).toContain('class="render-failed"');
  });

  it('does not mutate the tree it is given', () => {
    const tree = parse('## A :rocket:\n\n<USER>\n\n:::info\nx\n:::', ['a']);
    const before = JSON.stringify(tree);
    expect(htmlOf(renderMinutes(tree, options))).toContain('<aside class="callout callout-info">');
    expect(JSON.stringify(tree)).toBe(before);
  });

});
