import fs from 'node:fs';
import path from 'node:path';
import { findLiabilityPhrases } from '../../src/compose/check-liability';
import { greetingName } from '../../src/compose/greeting-name';
import { fillTemplate, loadPrompts, parsePromptFile } from '../../src/compose/load-prompts';
import { tempDir } from '../helpers/temp-db';

const shipped = path.join(__dirname, '../../prompts');

function withPrompt(file: string, content: string, test: (dir: string) => void) {
  const { dir, cleanup } = tempDir();
  fs.cpSync(shipped, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), content);
  try {
    test(dir);
  } finally {
    cleanup();
  }
}

describe('prompts', () => {
  it('ship several variants of every message, none admitting liability', () => {
    const p = loadPrompts(shipped);
    expect(p.acknowledgement.get('opening')!.length).toBeGreaterThanOrEqual(5);
    expect(p.privateInvitation.get('message')!.length).toBeGreaterThanOrEqual(2);
    expect(p.followUp.get('public')!.length).toBeGreaterThanOrEqual(2);
    for (const sections of Object.values(p))
      for (const v of [...sections.values()].flat()) expect(findLiabilityPhrases(v)).toEqual([]);
  });

  it('refuse a template that admits fault, naming the file and section', () => {
    withPrompt(
      'acknowledgement.txt',
      '## opening\nSorry {name}, this was our fault.\n## topic other\nx\n## closing\n{private}',
      (dir) => {
        expect(() => loadPrompts(dir)).toThrow(/acknowledgement.txt ## opening: "our fault" admits liability/);
      },
    );
  });

  it('refuse unknown placeholders and missing sections', () => {
    withPrompt('follow-up.txt', '## private\nHi {nmae}\n## public\nx', (dir) =>
      expect(() => loadPrompts(dir)).toThrow(/unknown placeholder \{nmae\}/),
    );
    withPrompt('follow-up.txt', '## private\nHi {name}', (dir) =>
      expect(() => loadPrompts(dir)).toThrow(/"## public" needs at least one variant/),
    );
  });

  it('parse comments, headings and variants', () => {
    const s = parsePromptFile('# c\n## One\nA\n\nB\n## two\nC');
    expect([...s.entries()]).toEqual([
      ['one', ['A', 'B']],
      ['two', ['C']],
    ]);
    expect(() => parsePromptFile('orphan line', 'f.txt')).toThrow(/f.txt:1/);
  });

  it('fillTemplate leaves unknown placeholders visible', () => {
    expect(fillTemplate('Hi {name}, {oops}', { name: 'Ana' })).toBe('Hi Ana, {oops}');
  });
});

describe('greetingName', () => {
  it('greets by first name when it is a plain name', () => {
    expect(greetingName({ name: 'Maria Kettle', handle: 'mk' })).toBe('Maria');
    expect(greetingName({ name: 'Zoë-Anne', handle: 'z' })).toBe('Zoë-Anne');
  });

  it('never echoes pings, markup or links from a display name', () => {
    expect(greetingName({ name: '@everyone', handle: 'troll_1' })).toBe('troll_1');
    expect(greetingName({ name: 'everyone', handle: 'troll_2' })).toBe('troll_2');
    expect(greetingName({ name: '<!channel> hi', handle: 'x<y>' })).toBe('xy');
    expect(greetingName({ name: '🔥🔥', handle: '' })).toBe('there');
  });
});
