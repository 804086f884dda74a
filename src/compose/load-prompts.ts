import fs from 'node:fs';
import path from 'node:path';
import { AppError, ErrorCode } from '../core/app-error.js';
import { findLiabilityPhrases } from './check-liability.js';

/** One prompt file: its sections, each a list of variants. */
export type PromptSections = Map<string, string[]>;

/** The words the bot says, loaded once at start-up from the prompts folder. */
export interface Prompts {
  acknowledgement: PromptSections;
  privateInvitation: PromptSections;
  followUp: PromptSections;
}

const FILES: Record<keyof Prompts, { file: string; required: string[]; placeholders: string[] }> = {
  acknowledgement: {
    file: 'acknowledgement.txt',
    required: ['opening', 'topic other', 'closing'],
    placeholders: ['name', 'brand', 'private', 'ref'],
  },
  privateInvitation: {
    file: 'private-invitation.txt',
    required: ['message'],
    placeholders: ['name', 'brand', 'ref', 'dm_link', 'handle'],
  },
  followUp: { file: 'follow-up.txt', required: ['private', 'public'], placeholders: ['name', 'brand', 'ref'] },
};

/**
 * Parses a prompt file: `#` lines are comments, `## name` starts a section, every other non-blank
 * line is one variant of the current section.
 */
export function parsePromptFile(text: string, file = 'prompt'): PromptSections {
  const sections: PromptSections = new Map();
  let current: string[] | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || (line.startsWith('#') && !line.startsWith('##'))) return;
    if (line.startsWith('##')) {
      const name = line.replace(/^##\s*/, '').toLowerCase();
      current = sections.get(name) ?? [];
      sections.set(name, current);
      return;
    }
    if (!current) throw promptError(`${file}:${i + 1}: text before the first "## section" heading`);
    current.push(line);
  });
  return sections;
}

/** Loads and checks every prompt file; a broken one stops start-up with the file and line at fault. */
export function loadPrompts(dir: string): Prompts {
  const out = {} as Prompts;
  for (const [key, spec] of Object.entries(FILES) as Array<[keyof Prompts, (typeof FILES)[keyof Prompts]]>) {
    const file = path.join(dir, spec.file);
    if (!fs.existsSync(file)) throw promptError(`prompt file ${file} is missing (PROMPTS_DIR=${dir})`);
    const sections = parsePromptFile(fs.readFileSync(file, 'utf8'), spec.file);
    for (const name of spec.required) {
      if (!sections.get(name)?.length)
        throw promptError(`${spec.file}: section "## ${name}" needs at least one variant`);
    }
    for (const [name, variants] of sections) {
      for (const v of variants) checkVariant(v, `${spec.file} ## ${name}`, spec.placeholders);
    }
    out[key] = sections;
  }
  return out;
}

function checkVariant(variant: string, where: string, allowed: string[]): void {
  for (const [, name] of variant.matchAll(/\{(\w+)\}/g)) {
    if (!allowed.includes(name))
      throw promptError(`${where}: unknown placeholder {${name}} (allowed: ${allowed.map((a) => `{${a}}`).join(' ')})`);
  }
  const liable = findLiabilityPhrases(variant);
  if (liable.length)
    throw promptError(`${where}: "${liable[0]}" admits liability; apologise for the experience instead`);
}

function promptError(message: string): AppError {
  return new AppError(ErrorCode.PromptInvalid, message);
}

/** Replaces `{placeholder}`s; unknown ones are left visible so a test or reviewer notices. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name] : whole))
    .replace(/\s+/g, ' ')
    .trim();
}
