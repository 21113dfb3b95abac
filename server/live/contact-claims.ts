import pg from 'pg';
import type { ContactKey } from './live-store.ts';

/** Connections holding the claims: each claim lives on one, picked by its key, so no single one queues every claim. */
const CONNECTIONS = 4;
/** How often a claim that must be had (a timer, an inbox action) is asked for again while another holds it. */
const RETRY_MS = 5;

/**
 * Per-contact claims shared by every instance on one PostgreSQL (docs/operations.md, Several
 * instances): the instance holding a contact's claim is the only one running that contact's turns.
 * A claim is a session-level advisory lock on a connection of this instance, so it lasts exactly
 * as long as the instance: killed, its connections close and PostgreSQL frees its claims at once,
 * without a lease to wait out or to lose during a long turn. Claims held here are also tracked
 * locally, because advisory locks are re-entrant within a session and two tasks of this instance
 * must not both believe they hold one contact.
 * @example if (await claims.tryClaim(key)) try { … } finally { await claims.release(key); }
 */
export class ContactClaims {
  private readonly connections: Array<Promise<pg.Client> | undefined> = Array.from({ length: CONNECTIONS }, () => undefined);
  private readonly held = new Set<string>();
  private closed = false;

  constructor(private readonly connectionString: string, private readonly onLost: (error: Error) => void) {}

  /** Takes the contact's claim if no one (here or elsewhere) holds it. */
  async tryClaim(key: string): Promise<boolean> {
    if (this.held.has(key) || this.closed) return false;
    this.held.add(key);
    try {
      const { rows } = await (await this.connectionFor(key)).query<{ claimed: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS claimed', [key]);
      if (rows[0]!.claimed) return true;
    } catch (error) {
      this.held.delete(key);
      throw error;
    }
    this.held.delete(key);
    return false;
  }

  /** Waits for the contact's claim (another instance's turn ends soon), then runs `work` holding it. */
  async withClaim<T>(key: string, work: () => Promise<T>): Promise<T> {
    while (!(await this.tryClaim(key))) {
      if (this.closed) throw new Error('contact claims closed');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    try {
      return await work();
    } finally {
      await this.release(key);
    }
  }

  async release(key: string): Promise<void> {
    if (!this.held.has(key)) return;
    try {
      await (await this.connectionFor(key)).query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
    } finally {
      this.held.delete(key);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.connections.map(async (connection) => (await connection?.catch(() => undefined))?.end()));
  }

  private connectionFor(key: string): Promise<pg.Client> {
    let hash = 0;
    for (let index = 0; index < key.length; index += 1) hash = (hash * 31 + key.charCodeAt(index)) | 0;
    const slot = Math.abs(hash) % CONNECTIONS;
    const existing = this.connections[slot];
    if (existing) return existing;
    const connecting = (async () => {
      const client = new pg.Client({ connectionString: this.connectionString });
      client.on('error', (error) => {
        // Its claims went with it: forget the connection (the next claim opens another) and say so.
        this.connections[slot] = undefined;
        if (!this.closed) this.onLost(error);
      });
      await client.connect();
      return client;
    })();
    this.connections[slot] = connecting;
    connecting.catch(() => {
      if (this.connections[slot] === connecting) this.connections[slot] = undefined;
    });
    return connecting;
  }
}

/**
 * A contact's queue in an instance and its claim among several: the business number and the contact's key
 * (the BSUID when known, else the address), so messages with and without the phone number share both.
 */
export function claimKey(contact: ContactKey): string {
  return `${contact.phoneNumberId}:${contact.contactKey}`;
}
