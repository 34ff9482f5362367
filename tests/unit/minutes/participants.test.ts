import { describe, expect, it } from 'vitest';
import { personKey } from '../../../src/lib/person-key.ts';
import { parse } from './helpers.ts';

describe('personKey', () => {
  it.each([
    ['@JuanPTM', 'juanptm'],
    ['@cah\\_hbaum', 'cahhbaum'],
    ['@cah_hbaum', 'cahhbaum'],
    ['@garloff,', 'garloff'],
    ['@mbuechse.', 'mbuechse'],
    ['@anja.strunk', 'anja.strunk'],
    ['artificial-intelligence', 'artificial-intelligence'],
    // Plain names and alias-file keys go through the same function.
    ['  Alice   Example ', 'alice example'],
    ['Jos\u0065\u0301', 'jos\u00e9'],
    ['@@Bob_', 'bob'],
  ])('%s -> %s', (raw, key) => {
    expect(personKey(raw)).toBe(key);
  });
});

const keys = (lines: string[], source?: string) => parse(lines, source).meeting.participants.map((p) => p.key);

describe('participants section', () => {
  it.each([
    { name: 'H2 heading with note', lines: ['# 2023-05-17', '## Participants (preferably github handles)', '', '- @JuanPTM', '- @garloff', '', '## Agenda', '- @other'], keys: ['juanptm', 'garloff'] },
    { name: 'misspelt heading, any level', lines: ['#### Particpants', '* @a', '* @b'], keys: ['a', 'b'] },
    { name: 'Attendees', lines: ['## Attendees', '* @a'], keys: ['a'] },
    { name: 'Teilnehmer', lines: ['## Teilnehmer', '- Kurt Garloff'], keys: ['kurt garloff'] },
    { name: 'Who', lines: ['## Who', '- @a'], keys: ['a'] },
    { name: '"Who presents …" is no participants heading', lines: ['## Who presents in the community call?', '- @a'], keys: [] },
    { name: 'emoji and note', lines: ['## :family: Participants (GitHub handles preferred)', '- @a'], keys: ['a'] },
    { name: 'dash note', lines: ['## Participants - use of github handle is preferred', '* @a'], keys: ['a'] },
    { name: 'note without dash', lines: ['## Participants  use of github handle is preferred', '* @a'], keys: ['a'] },
    { name: 'glued heading', lines: ['# 2023-07-27 ## Participants (use of github handle is preferred)', '- @a', '- @b'], keys: ['a', 'b'] },
    { name: 'bullet-less lines', lines: ['## Participants (prefer github handles)', '@a', '@b', '@c'], keys: ['a', 'b', 'c'] },
    { name: 'comma-separated', lines: ['## Participants', '@a, @b, Kurt Garloff'], keys: ['a', 'b', 'kurt garloff'] },
    { name: 'comma-separated names', lines: ['## Participants', 'Kurt Garloff, Dirk Loßack'], keys: ['kurt garloff', 'dirk loßack'] },
    { name: 'notes stripped', lines: ['## Participants', '- @horazont (late to the party)', '- @fkr (partially)', '- @fraugabel(katha)', '- (@garloff - struggling with chrome)', '- @bzapiec - master-caster', '- @mbuechse (until 11:00)'], keys: ['horazont', 'fkr', 'fraugabel', 'garloff', 'bzapiec', 'mbuechse'] },
    { name: 'slash-joined handles', lines: ['## Participants', '- @joshmue/master-caster/o-otte'], keys: ['joshmue', 'master-caster', 'o-otte'] },
    { name: 'name with handle', lines: ['## Participants', '- ed (@itrich)'], keys: ['itrich'] },
    { name: 'plain names, spaces collapsed', lines: ['## Participants', '- Kurt   Garloff', '- Jonas'], keys: ['kurt garloff', 'jonas'] },
    { name: 'escaped underscore', lines: ['## Participants', '- @cah\\_hbaum', '- @cah_hbaum'], keys: ['cahhbaum'] },
    { name: 'dedupe case variants', lines: ['## Participants', '- @JoshuaI96', '- @joshuai96'], keys: ['joshuai96'] },
    { name: 'excused and negations are not participants', lines: ['## Participants', '- @a', '- not: @garloff (traveling)', '- Excused:', '    - @b', '', 'Apologies:', '- @c'], keys: ['a'] },
    { name: 'roles are not attendance', lines: ['## Participants', '* @a', '', 'Summary in team call:', '    @b', '', 'Summary & minutes transfer: @c'], keys: ['a'] },
    { name: 'label line with a list', lines: ['# Minutes 2022-08-25', '', 'Participants:', '', '- Kurt Garloff', '- @fkr'], keys: ['kurt garloff', 'fkr'] },
    { name: 'label list item with a nested list', lines: ['## Meeting - 2025-01-28', '### Housekeeping', '- Participants:', '    - @a', '    - @b', '- Minutes: @c'], keys: ['a', 'b'] },
    { name: 'label with inline entries', lines: ['# Call', 'Participants: @a, @b'], keys: ['a', 'b'] },
    { name: 'head-count is no list', lines: ['# Workshop', '- Participants: 22'], keys: [] },
    { name: 'breakout group nested in a topic', lines: ['# 2024-03-27', '## Participants', '- @a', '## Topic', '- Breakout', '    - Participants: @b, @c'], keys: ['a'] },
    { name: 'nested breakout without any heading list', lines: ['# 2022-09-26', '* Standardization', '    - Participants: @b, @c'], keys: [] },
    { name: 'bare handle list under the date heading', lines: ['# 2022-10-05', '* @fkr', '* @maliblatt', '', '## Recurring items', '* Who is presenting?', '   @fkr'], keys: ['fkr', 'maliblatt'] },
    { name: 'no list at all', lines: ['# SCS Tech Weekly 2023-04-06', '## Meta', 'Minutes: @tibeer'], keys: [] },
  ])('$name', ({ lines, keys: expected }) => {
    expect(keys(lines)).toEqual(expected);
  });

  it('keeps the label as written', () => {
    expect(parse(['## Participants', '- @JuanPTM']).meeting.participants).toEqual([{ key: 'juanptm', label: '@JuanPTM' }]);
  });

  it('warns about an empty section', () => {
    expect(parse(['# 2025-11-14', '## :family: Participants', '## Agenda']).meeting.warnings).toContainEqual({ line: 2, message: 'participants section is empty' });
  });
});

describe('mentions', () => {
  it('takes @handles outside the participants list, not e-mails, URLs or code', () => {
    const { meeting } = parse([
      '# 2023-05-17',
      '## Participants',
      '- @a',
      '## Agenda',
      '### How do we call ourselves? (@fdobrovolny)',
      '- mail a@b.de, see https://medium.com/@someone and `@code`',
      '- Presented by <a href="https://github.com/x">@Scoopex</a>',
      '- [@linked](https://github.com/linked) and @A',
    ]);
    expect(meeting.mentions).toEqual([
      { key: 'fdobrovolny', line: 5, anchor: 'how-do-we-call-ourselves-fdobrovolny' },
      { key: 'scoopex', line: 7, anchor: 'how-do-we-call-ourselves-fdobrovolny' },
      { key: 'linked', line: 8, anchor: 'how-do-we-call-ourselves-fdobrovolny' },
      { key: 'a', line: 8, anchor: 'how-do-we-call-ourselves-fdobrovolny' },
    ]);
  });
});

describe('attendance by format rules (issue 15)', () => {
  it.each([
    { name: 'misspelt heading, not listed anywhere', lines: ['## Participantst', '- @a'], keys: ['a'] },
    { name: 'misspelt Attendees', lines: ['## Atendees', '- @a'], keys: ['a'] },
    { name: 'German Anwesend', lines: ['### Anwesend', '- Kurt Garloff'], keys: ['kurt garloff'] },
    { name: 'Attendance heading', lines: ['## Attendance', '- @a'], keys: ['a'] },
    { name: 'heading about something else', lines: ['## Presentation of results', '- Kurt Garloff'], keys: [] },
    { name: 'sub-headed groups under the heading', lines: ['## Participants', '### In presence', '- @a', '### Remote', '- @b', '## Agenda', '- Kurt Garloff'], keys: ['a', 'b'] },
    { name: 'absentee sub-heading', lines: ['## Attendees', '- @a', '### Apologies', '- @b', '### Remote', '- @c'], keys: ['a', 'c'] },
    { name: 'nested under another heading', lines: ['# Call', '## Minutes', '### Present', '- @a', '### Discussion', '- Kurt Garloff'], keys: ['a'] },
    { name: 'bold label with a list', lines: ['# Call', '**Attendees:**', '- @a', '- Kim Lee'], keys: ['a', 'kim lee'] },
    { name: 'label groups in a row, absent skipped', lines: ['# Call', '**In-person attendees:**', '- @a', '', '**Remote:**', '- @b', '', '**Absent:**', '- @c'], keys: ['a', 'b'] },
    { name: 'Participation: @a, @b', lines: ['# Call', 'Participation: @a, @b'], keys: ['a', 'b'] },
    { name: 'label then a comma paragraph', lines: ['# Call', 'Attendees:', '', 'Kim Lee, Max Mustermann, @a'], keys: ['kim lee', 'max mustermann', 'a'] },
    { name: 'label then a table', lines: ['# Call', '**Attendees:**', '', '| Name | Organization |', '|---|---|', '| Kim Lee | Acme |', '| | |', '| Max Mustermann | Beta |'], keys: ['kim lee', 'max mustermann'] },
    { name: 'table under a heading, name column by header', lines: ['## Attendees', '| Org | Name |', '|---|---|', '| Acme | Kim Lee |'], keys: ['kim lee'] },
    { name: 'table with a GitHub column', lines: ['## Attendees', '| Name | GitHub |', '|---|---|', '| Kim Lee | kimlee |'], keys: ['kimlee'] },
    { name: 'regrets line is not attendance', lines: ['# Call', 'Present: Kim Lee, Max Mustermann', '', 'Regrets: Ana Silva'], keys: ['kim lee', 'max mustermann'] },
    { name: 'affiliation after a dash is a note', lines: ['## Present', '- Jane Doe (@jdoe) - Acme, Some Board', '- Ana Silva - Beta, TAC'], keys: ['jdoe', 'ana silva'] },
    { name: 'a sentence with a comma is no list', lines: ['## Present', '- @a', '- Joe, -> could move the issues over next week'], keys: ['a'] },
    { name: 'a login written without its @', lines: ['## Participants', '- @a', '- tibeer'], keys: ['a', 'tibeer'] },
    { name: 'an organisation over a nested list is a group, not a person', lines: ['## Participants', '- OSISM', '    - @a', '- Acme', '    - Kim Lee'], keys: ['a', 'kim lee'] },
    { name: 'table: the column whose header says name', lines: ['## Attendees', '| Company | Representative |', '|---|---|', '| Acme | Kim Lee |', '', '| Org | Display name |', '|---|---|', '| Beta | Max Mustermann |'], keys: ['kim lee', 'max mustermann'] },
    { name: 'organisation sub-headings over attendee lists', lines: ['## Participants', '### Acme', '- @a', '- Kim Lee', '### Beta GmbH', '- @b', '### Topic one', 'We talked about the roadmap for the next release.', '- @c will write it down'], keys: ['a', 'kim lee', 'b'] },
    { name: 'a topic sub-heading over tasks ends the section', lines: ['## Participants', '- @a', '### Housekeeping', '- @b to send the mail', '- @c will book a room'], keys: ['a'] },
    { name: 'one person per line with an affiliation after a comma', lines: ['## Attendees', '- Kim Lee, Acme Corp', '- Max Mustermann, Beta Inc', '- Ana Silva (@asilva), Gamma'], keys: ['kim lee', 'max mustermann', 'asilva'] },
    { name: 'two people on one bullet stay two', lines: ['## Attendees', '- Kim Lee, Max Mustermann', '- @a'], keys: ['kim lee', 'max mustermann', 'a'] },
    { name: 'lower-case words in a comma list are no logins', lines: ['## Participants', '- @a', '- status: valid, draft, abandoned'], keys: ['a'] },
    { name: 'prose after the list ends the section', lines: ['## Participants', '* @a', '', 'We talked about where the docs are', 'hosted', '* status like valid, draft, abandoned'], keys: ['a'] },
  ])('$name', ({ lines, keys: expected }) => {
    expect(keys(lines)).toEqual(expected);
  });

  it.each([
    { line: '* Jane Doe (@jdoe)', entry: { key: 'jdoe', label: '@jdoe', name: 'Jane Doe' } },
    { line: '* Jane Doe(@jdoe)', entry: { key: 'jdoe', label: '@jdoe', name: 'Jane Doe' } },
    { line: '* Jane Doe @jdoe (voting member)', entry: { key: 'jdoe', label: '@jdoe', name: 'Jane Doe' } },
    { line: '* JD: Jane Doe (@jdoe)', entry: { key: 'jdoe', label: '@jdoe', name: 'Jane Doe', abbreviation: 'JD' } },
    { line: '* Jane Doe (JD)', entry: { key: 'jane doe', label: 'Jane Doe', abbreviation: 'JD' } },
    { line: '* JD, Max Mustermann', entry: { key: 'jd', label: 'JD', abbreviation: 'JD', abbreviationOnly: true } },
    { line: '* Jane Doe (IBM)', entry: { key: 'jane doe', label: 'Jane Doe' } },
    { line: '* Jane Doe (JDo)', entry: { key: 'jane doe', label: 'Jane Doe' } },
    { line: '* Jane Doe (@jdoe) (JD)', entry: { key: 'jdoe', label: '@jdoe', name: 'Jane Doe' } },
    { line: '* Jane Doe (jane@example.org)', entry: { key: 'jane doe', label: 'Jane Doe' } },
    { line: '* Jane Doe <jane@example.org>', entry: { key: 'jane doe', label: 'Jane Doe' } },
    { line: '* Jane Doe ([chat](https://matrix.to/#/@jane:example.org))', entry: { key: 'jane doe', label: 'Jane Doe' } },
    { line: '* Jane Doe (Guest)', entry: { key: 'jane doe', label: 'Jane Doe' } },
  ])('entry form $line', ({ line, entry }) => {
    expect(parse(['## Present', line]).meeting.participants[0]).toEqual(entry);
  });

  it('an acronym alone on a line is an organisation, not a person', () => {
    expect(keys(['## Present', '- OSISM', '- @a'])).toEqual(['a']);
  });
});
