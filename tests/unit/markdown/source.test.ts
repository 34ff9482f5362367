import { describe, expect, it } from 'vitest';
import { normalizeSource } from '../../../src/lib/markdown/source.ts';

const lineCount = (s: string): number => s.split('\n').length;

describe('normalizeSource', () => {
  const cases: { name: string; input: string; output: string }[] = [
    { name: 'plain text is untouched', input: '# 2023-05-17\n\n- @a\n', output: '# 2023-05-17\n\n- @a\n' },
    { name: 'sized image WxH in %', input: '![](https://h/uploads/a.png =80%x75%)', output: '![](https://h/uploads/a.png "=80%x75%")' },
    { name: 'sized image W only', input: 'x ![a](u.png =50%x) y', output: 'x ![a](u.png "=50%x") y' },
    { name: 'sized image H only', input: '![](u.svg =x640)', output: '![](u.svg "=x640")' },
    { name: 'sized image px with title', input: '![a](u.png "T" =300x200)', output: '![a](u.png "=300x200 T")' },
    { name: 'sized image inside a link', input: '[![](u.png =20x20)](https://e)', output: '[![](u.png "=20x20")](https://e)' },
    { name: 'two sized images on a line', input: '![](a.png =1x2) ![](b.png =3x4)', output: '![](a.png "=1x2") ![](b.png "=3x4")' },
    { name: 'size needs a number', input: '![](a.png =x)', output: '![](a.png =x)' },
    { name: '##Agenda gets its space', input: '##Agenda', output: '## Agenda' },
    { name: '###:notebook: gets its space', input: '###:notebook: Agenda', output: '### :notebook: Agenda' },
    { name: 'single # left alone (#123, hashtags)', input: '#123 merged\n#Cloud', output: '#123 merged\n#Cloud' },
    { name: 'heading glued onto the title is left as written', input: '# 2023-07-27 ## Participants', output: '# 2023-07-27 ## Participants' },
    { name: ':::info container', input: ':::info\ntext\n:::', output: '<!--:::info-->\ntext\n<!--:::-->' },
    { name: ':::spoiler with title', input: ':::spoiler Click me\nx\n:::', output: '<!--:::spoiler Click me-->\nx\n<!--:::-->' },
    { name: 'container in a block quote', input: '> :::warning\n> x\n> :::', output: '> <!--:::warning-->\n> x\n> <!--:::-->' },
    { name: 'stray ::: without opener stays', input: 'a\n:::\nb', output: 'a\n:::\nb' },
    { name: 'unknown container name stays', input: ':::note\nx\n:::', output: ':::note\nx\n:::' },
    { name: 'Note:foo, 10:30, :family: and :: untouched', input: 'Note:foo 10:30 :family: ::', output: 'Note:foo 10:30 :family: ::' },
    {
      name: 'fenced code is untouched',
      input: '```\n##Agenda\n![](a.png =1x2)\n:::info\n```\n##Agenda',
      output: '```\n##Agenda\n![](a.png =1x2)\n:::info\n```\n## Agenda',
    },
    { name: 'tilde fence inside a list item', input: '- x\n  ~~~\n  ##A\n  ~~~', output: '- x\n  ~~~\n  ##A\n  ~~~' },
    { name: 'CRLF kept', input: '##Agenda\r\n:::info\r\nx\r\n:::\r\n', output: '## Agenda\r\n<!--:::info-->\r\nx\r\n<!--:::-->\r\n' },
  ];
  it.each(cases)('$name', ({ input, output }) => {
    const out = normalizeSource(input);
    expect(out).toBe(output);
    expect(lineCount(out)).toBe(lineCount(input));
  });

  it('keeps every line on its line for odd input', () => {
    for (const input of ['', '\n\n\n', '```\n##A', ':::info\n:::\n:::\n', '![](a =1x1)\n'.repeat(100), '\r\n\r\n']) {
      expect(lineCount(normalizeSource(input))).toBe(lineCount(input));
    }
  });
});
