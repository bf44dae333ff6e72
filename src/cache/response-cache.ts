/**
 * The response cache: whole answers to public queries, kept in this process, bounded by bytes,
 * and dropped when the database announces a change to anything they depend on.
 *
 * - Each answer is stored with the tags it depends on (src/cache/tags.ts), recorded while it
 *   was computed. Triggers in the database NOTIFY the tags of every committed change; every
 *   server process LISTENs (src/db/client.ts) and drops the answers holding any of them. So
 *   invalidation does not depend on any writer remembering it, and reaches all processes.
 * - An answer computed while an invalidation arrived may hold what it replaced: it is stored
 *   only if no invalidation arrived since its request began (`generation` did not move).
 * - Without a working LISTEN connection nothing would say what changed: the cache is emptied
 *   and bypassed until listening again (with backoff), and whatever began before is not kept.
 * - Read-your-writes: a mutation waits for `sync()`, a token NOTIFYed after its commit.
 *   PostgreSQL delivers notifications in commit order, so once the token is heard, the
 *   mutation's own invalidations have been applied here.
 * - A time limit (`ttlMs`) is only a safety net: correctness does not depend on it.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Listen, Subscription } from '../db/client.js';
import { EVERYTHING, type CacheDependencies } from './tags.js';

/** The channel the database's triggers notify (see the response_cache_invalidation migration). */
export const INVALIDATION_CHANNEL = 'response_cache';

export const DEFAULT_TTL_MS = 10 * 60_000;
/** How long a mutation waits to hear its sync token before giving up and emptying the cache. */
const SYNC_TIMEOUT_MS = 5_000;
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 10_000;
/** Bookkeeping per entry (LRU node, tag index) on top of its body, key and tags. */
const ENTRY_OVERHEAD_BYTES = 200;

export interface ResponseCacheOptions {
  /** The most bytes of answers (with their keys and tags) kept at once. */
  maxBytes: number;
  /** How long an answer may be kept at most, invalidated or not. */
  ttlMs?: number;
  listen: Listen;
  /** Sends a NOTIFY on the invalidation channel (after the caller's writes have committed). */
  notify(channel: string, payload: string): Promise<void>;
  logger: FastifyBaseLogger;
}

/** A stored answer: the response body exactly as sent, and what it depends on. */
export interface CachedAnswer {
  body: Buffer;
  tags: readonly string[];
}

export interface ResponseCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  /** Invalidation notifications applied since start. */
  invalidations: number;
  /** Whether the cache is in use (listening for invalidations). */
  available: boolean;
}

/** What one cacheable request's answer depends on, and when (in invalidations) it began. */
export class RequestDependencies implements CacheDependencies {
  readonly tags = new Set<string>();
  constructor(readonly generation: number) {}

  depend(...tags: string[]): void {
    for (const tag of tags) this.tags.add(tag);
  }
}

export class ResponseCache {
  readonly maxBytes: number;
  private readonly entries: LRUCache<string, CachedAnswer>;
  /** Keys of the entries holding each tag. */
  private readonly keysByTag = new Map<string, Set<string>>();
  /** Moves on every invalidation and every loss or gain of the listening connection. */
  private generation = 0;
  private invalidations = 0;
  private subscription: Subscription | null = null;
  private closed = false;
  private reconnectDelayMs = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | undefined;
  /** Tells sync tokens of this process from other processes' ones. */
  private readonly syncPrefix = `sync:${randomBytes(6).toString('hex')}:`;
  private syncCount = 0;
  private readonly syncWaiters = new Map<string, () => void>();

  private constructor(private readonly options: ResponseCacheOptions) {
    this.maxBytes = options.maxBytes;
    this.entries = new LRUCache<string, CachedAnswer>({
      maxSize: options.maxBytes,
      // One answer may not push out most of the others.
      maxEntrySize: Math.max(1, Math.floor(options.maxBytes / 4)),
      sizeCalculation: (entry, key) => entry.body.length + key.length + entry.tags.reduce((sum, tag) => sum + tag.length, 0) + ENTRY_OVERHEAD_BYTES,
      ttl: options.ttlMs ?? DEFAULT_TTL_MS,
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  /** Creates the cache and starts listening; if that fails it starts bypassed, retrying. */
  static async start(options: ResponseCacheOptions): Promise<ResponseCache> {
    const cache = new ResponseCache(options);
    await cache.connect();
    return cache;
  }

  /** Whether answers are served and stored: only while invalidations can be heard. */
  get available(): boolean {
    return this.subscription !== null;
  }

  /** Starts collecting the dependencies of a request whose answer may be stored. */
  begin(): RequestDependencies {
    return new RequestDependencies(this.generation);
  }

  get(key: string): CachedAnswer | undefined {
    return this.available ? this.entries.get(key) : undefined;
  }

  /**
   * Stores an answer under `key` unless an invalidation arrived (or the listener was lost)
   * since its request began. Answers whether it was stored.
   */
  store(dependencies: RequestDependencies, key: string, body: Buffer): boolean {
    if (!this.available || dependencies.generation !== this.generation) return false;
    const entry: CachedAnswer = { body, tags: [...dependencies.tags] };
    // Replacing an entry disposes of the old one (and its index entries) first.
    this.entries.set(key, entry);
    if (this.entries.peek(key) !== entry) return false; // too large to keep
    for (const tag of entry.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return true;
  }

  /** Drops every answer holding any of `tags` (EVERYTHING: all answers). */
  invalidate(tags: readonly string[]): void {
    this.generation += 1;
    if (tags.includes(EVERYTHING)) {
      this.entries.clear();
      return;
    }
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      // Deleting disposes of the entry, which edits this set: walk a copy.
      for (const key of [...keys]) this.entries.delete(key);
    }
  }

  /**
   * Resolves once every invalidation committed before this call has been applied here. For
   * a mutation, after its transaction: the next request of this process then sees its writes.
   */
  async sync(): Promise<void> {
    if (!this.available) return; // nothing is served or stored until listening again
    const token = `${this.syncPrefix}${++this.syncCount}`;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<void>((resolve, reject) => {
      this.syncWaiters.set(token, resolve);
      timer = setTimeout(() => reject(new Error(`sync token not heard within ${SYNC_TIMEOUT_MS} ms`)), SYNC_TIMEOUT_MS);
    });
    // It may time out while the NOTIFY is still on its way; it is awaited below.
    heard.catch(() => {});
    try {
      await this.options.notify(INVALIDATION_CHANNEL, token);
      await heard;
    } catch (error) {
      // Whether this process applied the mutation's invalidations is unknown: forget everything.
      this.options.logger.warn({ err: error }, 'response cache: could not confirm invalidations; emptied');
      this.invalidate([EVERYTHING]);
    } finally {
      clearTimeout(timer);
      this.syncWaiters.delete(token);
    }
  }

  stats(): ResponseCacheStats {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize, maxBytes: this.maxBytes, invalidations: this.invalidations, available: this.available };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const subscription = this.subscription;
    this.subscription = null;
    this.releaseSyncWaiters();
    await subscription?.close().catch(() => {});
  }

  private onNotification(payload: string): void {
    if (payload.startsWith('sync:')) {
      this.syncWaiters.get(payload)?.();
      return;
    }
    let tags: unknown;
    try {
      tags = JSON.parse(payload);
    } catch {
      tags = null;
    }
    this.invalidations += 1;
    // Something this process cannot read says nothing about what changed: drop everything.
    this.invalidate(Array.isArray(tags) && tags.every((tag) => typeof tag === 'string') ? tags : [EVERYTHING]);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    try {
      const subscription = await this.options.listen(INVALIDATION_CHANNEL, {
        onNotification: (payload) => this.onNotification(payload),
        onLost: (error) => this.onLost(error),
      });
      if (this.closed) {
        await subscription.close();
        return;
      }
      // Anything that began while not listening may have missed an invalidation.
      this.invalidate([EVERYTHING]);
      this.subscription = subscription;
      if (this.reconnectDelayMs > RECONNECT_MIN_MS) this.options.logger.info('response cache: listening for invalidations again; cache in use');
      this.reconnectDelayMs = RECONNECT_MIN_MS;
    } catch (error) {
      this.options.logger.error({ err: error, retryInMs: this.reconnectDelayMs }, 'response cache: cannot listen for invalidations; bypassing the cache');
      this.scheduleReconnect();
    }
  }

  private onLost(error: Error): void {
    this.subscription = null;
    this.invalidate([EVERYTHING]);
    // Mutations waiting for a token will not hear it; nothing is served until listening again.
    this.releaseSyncWaiters();
    this.options.logger.warn({ err: error }, 'response cache: lost the invalidation connection; cache emptied and bypassed until it is back');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(delay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
    this.reconnectTimer.unref();
  }

  private releaseSyncWaiters(): void {
    for (const release of this.syncWaiters.values()) release();
    this.syncWaiters.clear();
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.keysByTag.delete(tag);
    }
  }
}
