import crypto from 'node:crypto';

export interface SignedResponse {
  status: number;
  text: string;
  json?: any;
}

export interface SignOptions {
  /** Seconds since the epoch; defaults to now. A value over five minutes old is "stale". */
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  secret?: string;
}

/** Slack's request signature: `v0=` + HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`). */
export function signSlack(secret: string, timestamp: number, body: string): string {
  return `v0=${crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a body to the app the way Slack does, signed with the signing secret. */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: string,
  options: SignOptions = {},
): Promise<SignedResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlack(options.secret ?? secret, timestamp, body),
    },
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

/** The body of an interactive request: `payload=<urlencoded JSON>`. */
export function interactiveBody(payload: unknown): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The body of a slash command: its fields, form-encoded. */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';
