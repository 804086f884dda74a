import { AtpAgent, type AtpSessionEvent, XRPCError } from '@atproto/api';
import { SendError } from '../../src/core/channel-adapter.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { BlueskyConfig } from './bluesky-settings.js';
import { classifyBlueskyError } from './classify-bluesky-error.js';
import type { BlueskyRateLimits } from './rate-limits.js';

/** The chat service, reached through the PDS with the atproto-proxy header `did:web:api.bsky.chat#bsky_chat`. */
export const CHAT_SERVICE_DID = 'did:web:api.bsky.chat';

/** A request Bluesky has not answered in this time is abandoned (and, for a send, checked before any retry). */
export const BLUESKY_REQUEST_TIMEOUT_MS = 30_000;

/**
 * After the app password was refused, logging in is not tried again sooner than this (createSession is limited to 30
 * per 5 minutes).
 */
const LOGIN_RETRY_MS = 5 * 60_000;

/**
 * The brand's session on its PDS: an app-password login, refreshed by @atproto/api when the access
 * token expires. A refused refresh (the app password was revoked) drops the session; the next call logs
 * in again, and if that is refused too every send is held with one line saying how to fix it.
 */
export class BlueskySession {
  readonly agent: AtpAgent;
  /** The same session, with every call proxied to the chat service. */
  readonly chat: AtpAgent;
  private refusedAt?: number;
  private refusal?: string;
  private loggingIn?: Promise<void>;

  constructor(
    private readonly config: BlueskyConfig,
    limits: BlueskyRateLimits,
    private readonly logger: Logger,
    private readonly now: () => Date,
    fetchImpl: typeof fetch = globalThis.fetch,
  ) {
    const timed: typeof fetch = (input, init) => {
      const timeout = AbortSignal.timeout(BLUESKY_REQUEST_TIMEOUT_MS);
      return fetchImpl(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    };
    this.agent = new AtpAgent({
      service: config.service,
      fetch: limits.wrap(timed),
      persistSession: (event) => this.onSession(event),
    });
    this.chat = this.agent.withProxy('bsky_chat', CHAT_SERVICE_DID);
  }

  /** The brand's DID, once logged in. */
  get did(): string | undefined {
    return this.agent.session?.did;
  }

  /** Logs in unless a session is there; throws an `auth` SendError when the app password is refused. */
  async ensure(): Promise<string> {
    if (this.agent.hasSession) return this.agent.session!.did;
    if (this.refusedAt !== undefined && this.now().getTime() - this.refusedAt < LOGIN_RETRY_MS) {
      throw new SendError('auth', this.refusal!, false);
    }
    this.loggingIn ??= this.login().finally(() => (this.loggingIn = undefined));
    await this.loggingIn;
    return this.agent.session!.did;
  }

  /**
   * Runs one call on the session. A call refused because the session ended (the refresh was refused)
   * is run once more after a fresh login: a 401 means Bluesky did nothing, so this never posts twice.
   */
  async call<R>(run: (agent: AtpAgent) => Promise<R>, via: 'pds' | 'chat' = 'pds'): Promise<R> {
    await this.ensure();
    const agent = via === 'chat' ? this.chat : this.agent;
    try {
      return await run(agent);
    } catch (error) {
      if (!(error instanceof XRPCError) || error.status !== 401 || this.agent.hasSession) throw error;
      await this.ensure();
      return run(agent);
    }
  }

  private async login(): Promise<void> {
    try {
      await this.agent.login({ identifier: this.config.handle, password: this.config.appPassword });
      if (this.refusedAt !== undefined) this.logger.info({ handle: this.config.handle }, 'Bluesky: logged in again');
      this.refusedAt = undefined;
    } catch (error) {
      const failure = classifyBlueskyError(error, 'login');
      if (failure.failure !== 'auth') throw error;
      this.refusedAt = this.now().getTime();
      this.refusal = `Bluesky login as ${this.config.handle} refused: ${failure.message}`;
      this.logger.error({ handle: this.config.handle }, `${this.refusal}; sends are held until then`);
      throw new SendError('auth', this.refusal, false, undefined, error);
    }
  }

  private onSession(event: AtpSessionEvent): void {
    if (event === 'expired')
      this.logger.warn(
        { handle: this.config.handle },
        'Bluesky: the session could not be refreshed (app password revoked?); logging in again',
      );
  }
}
