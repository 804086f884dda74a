import fs from 'node:fs';
import path from 'node:path';
import { parsePromptFile } from '../compose/load-prompts.js';
import { AppError, ErrorCode } from '../core/app-error.js';
import { ADVOCATE_RULE_NAMES, type AdvocateRule, type AdvocateRuleName, type AdvocateRules } from './advocate-rules.js';

/** The rule file, kept in the prompts folder beside the words the bot says (people edit both). */
export const ADVOCATE_RULES_FILE = 'advocate-check.txt';

/** Reads the check's rules from `dir`; a missing file, an unknown rule or a broken pattern stops start-up. */
export function loadAdvocateRules(dir: string): AdvocateRules {
  const file = path.join(dir, ADVOCATE_RULES_FILE);
  if (!fs.existsSync(file)) throw ruleError(`advocate check rules ${file} are missing (PROMPTS_DIR=${dir})`);
  return parseAdvocateRules(fs.readFileSync(file, 'utf8'));
}

/** Parses the rule file: `## rule` headings with `label:`, `suggest:` and `pattern:` lines. */
export function parseAdvocateRules(text: string): AdvocateRules {
  const sections = parsePromptFile(text, ADVOCATE_RULES_FILE);
  const rules: AdvocateRules = [];
  for (const [name, lines] of sections) {
    if (!(ADVOCATE_RULE_NAMES as readonly string[]).includes(name))
      throw ruleError(`${ADVOCATE_RULES_FILE}: unknown rule "## ${name}" (known: ${ADVOCATE_RULE_NAMES.join(', ')})`);
    rules.push(parseRule(name as AdvocateRuleName, lines));
  }
  const missing = ADVOCATE_RULE_NAMES.filter((n) => !rules.some((r) => r.name === n));
  if (missing.length) throw ruleError(`${ADVOCATE_RULES_FILE}: rule "## ${missing[0]}" is missing`);
  return rules;
}

function parseRule(name: AdvocateRuleName, lines: string[]): AdvocateRule {
  const rule: AdvocateRule = { name, label: name.replace(/_/g, ' '), suggestion: '', patterns: [] };
  for (const line of lines) {
    const m = line.match(/^(label|suggest|pattern):\s*(.+)$/);
    if (!m)
      throw ruleError(`${ADVOCATE_RULES_FILE} ## ${name}: "${line.slice(0, 60)}" is not label:, suggest: or pattern:`);
    const [, key, value] = m;
    if (key === 'label') rule.label = value;
    else if (key === 'suggest') rule.suggestion ||= value;
    else rule.patterns.push(compilePattern(name, value));
  }
  if (!rule.suggestion) throw ruleError(`${ADVOCATE_RULES_FILE} ## ${name}: needs a "suggest:" line`);
  return rule;
}

function compilePattern(name: string, source: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch (error) {
    throw ruleError(
      `${ADVOCATE_RULES_FILE} ## ${name}: pattern ${source} is not a valid expression (${String(error)})`,
    );
  }
}

function ruleError(message: string): AppError {
  return new AppError(ErrorCode.PromptInvalid, message);
}
