import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Slack's published Web API description, as @slack/web-api calls it (see ../shared/contracts/README.md). */
export const SLACK_CONTRACT = path.resolve(
  __dirname,
  '../../../../shared/contracts/slack_web_openapi_v2.webclient.json',
);

/** Methods newer than the 2021 snapshot of the contract, which the fake serves without a schema. */
export const OUTSIDE_CONTRACT: Record<string, string> = {
  'apps.connections.open':
    'Socket Mode (2020) is missing from the 2021 snapshot; Slack documents it at api.slack.com/methods/apps.connections.open',
  'files.getUploadURLExternal':
    'the file upload of files.uploadV2 (2024; files.upload was retired in 2025): api.slack.com/methods/files.getUploadURLExternal',
  'files.completeUploadExternal':
    'the second half of files.uploadV2 (2024): api.slack.com/methods/files.completeUploadExternal',
};

/**
 * Parameters accepted on every method that the snapshot does not list: Bolt hands each listener a
 * WebClient created with the request's workspace id, and @slack/web-api then adds `team_id` to every
 * call (Slack uses it for org-wide installs and ignores it otherwise).
 */
export const EVERY_METHOD_PARAMS: Record<string, string> = {
  team_id: "added by @slack/web-api to each call of Bolt's per-workspace client",
};

// Places where the 2021 snapshot contradicts what Slack answers today. Each is patched in the copy the
// fake validates its answers against, so the fake stays realistic rather than stale; requests are
// checked against the snapshot as published.
const RESPONSE_PATCHES: Record<string, { why: string; patch: (schema: any) => void }> = {
  'conversations.history': {
    why: 'an empty channel answers messages: [] (the snapshot says minItems 1)',
    patch: (s) => delete s.properties.messages.minItems,
  },
  'conversations.replies': {
    why: 'thread messages carry blocks like any message (the snapshot allows no blocks there)',
    patch: (s) => {
      s.properties.messages = { type: 'array', items: { $ref: '#/definitions/objs_message' } };
    },
  },
};

type FormParam = { name: string; in: string; type?: string; required?: boolean };

/** The contract, loaded once: request parameters by method, and a validator of each method's success answer. */
export class SlackContract {
  private readonly spec: any;
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(spec: unknown) {
    this.spec = spec;
    addFormats(this.ajv);
    this.ajv.addSchema({ definitions: this.spec.definitions }, 'spec');
  }

  /** The contract, or null when ../shared/contracts is not beside the checkout (tests then skip and say so). */
  static load(): SlackContract | null {
    if (!fs.existsSync(SLACK_CONTRACT)) return null;
    return new SlackContract(JSON.parse(fs.readFileSync(SLACK_CONTRACT, 'utf8')));
  }

  /** What is wrong with a call's parameters: unknown method or parameter, a required one missing, a bad type. */
  checkRequest(method: string, params: Record<string, string>): string[] {
    if (OUTSIDE_CONTRACT[method]) return [];
    const op = this.spec.paths[`/${method}`]?.post;
    if (!op) return [`${method}: not a method of the Slack Web API contract`];
    const declared = new Map<string, FormParam>(
      (op.parameters as FormParam[]).filter((p) => p.in === 'formData').map((p) => [p.name, p]),
    );
    const problems: string[] = [];
    for (const p of declared.values())
      if (p.required && params[p.name] === undefined)
        problems.push(`${method}: required parameter ${p.name} is missing`);
    for (const [name, value] of Object.entries(params)) {
      const p = declared.get(name);
      if (!p && EVERY_METHOD_PARAMS[name]) continue;
      if (!p) problems.push(`${method}: parameter ${name} is not in the contract`);
      else if (!typeMatches(p.type, value))
        problems.push(`${method}: ${name}=${JSON.stringify(value).slice(0, 40)} is not a ${p.type}`);
    }
    return problems;
  }

  /** What is wrong with a success answer the fake is about to give (empty when it matches the contract). */
  checkResponse(method: string, body: unknown): string[] {
    if (OUTSIDE_CONTRACT[method]) return [];
    const validate = this.validatorFor(method);
    if (!validate || validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${method} answer ${e.instancePath || '/'} ${e.message}`);
  }

  private validatorFor(method: string): ValidateFunction | undefined {
    if (this.validators.has(method)) return this.validators.get(method);
    const schema = this.spec.paths[`/${method}`]?.post?.responses?.['200']?.schema;
    if (!schema) return undefined;
    const copy = JSON.parse(JSON.stringify(schema));
    RESPONSE_PATCHES[method]?.patch(copy);
    const validate = this.ajv.compile(
      JSON.parse(JSON.stringify(copy).replace(/"#\/definitions\//g, '"spec#/definitions/')),
    );
    this.validators.set(method, validate);
    return validate;
  }
}

function typeMatches(type: string | undefined, value: string): boolean {
  switch (type) {
    case 'boolean':
      return /^(true|false|1|0)$/.test(value);
    case 'integer':
      return /^-?\d+$/.test(value);
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value);
    default:
      return true;
  }
}
