import type { RateLimiter } from './rate-limiter.ts';

/** A customer message to mark read, with or without the typing indicator. */
export interface ReadReceipt {
  phoneNumberId: string;
  wamid: string;
  typing: boolean;
}

/** How long Meta shows the typing indicator: one that waited longer would show a pretend "typing…" (docs/time.md). */
export const TYPING_SHOWN_MS = 25_000;

interface Waiting extends ReadReceipt {
  /** When its message arrived (or its delay began): the indicator is shown only soon after. */
  at: number;
}

/**
 * The read receipts (each with the typing indicator, or not) waiting for a Graph API call, one per
 * contact (docs/time.md, "The typing indicator"): marking a message read marks the contact's earlier
 * ones read too, so a newer message takes the place of one still waiting, which is then never sent.
 * They spend the business number's send rate (Meta's throughput counts every message type) after
 * the replies: the sender takes replies first and receipts from what is left, so under a backlog the
 * replies keep the whole rate and each contact gets one receipt when there is room. The indicator is
 * dropped from a receipt once the reply it announced is out, or once it waited longer than Meta would
 * show it: a late "typing…" would announce nothing.
 * @example receipts.add('c1', { phoneNumberId, wamid, typing: true }, now); for (const r of receipts.take(now, limiter)) send(r);
 */
export class ReadReceipts {
  /** Per business number, per contact, in the order the contacts began waiting. */
  private readonly waiting = new Map<string, Map<string, Waiting>>();
  private count = 0;

  /** `wake(afterMs)`: a number's rate holds receipts back until then. */
  constructor(private readonly wake: (afterMs: number) => void) {}

  /** Queues `receipt` for the contact (a key naming one contact on its number); false when it took an earlier one's place. */
  add(contact: string, receipt: ReadReceipt, now: number): boolean {
    let ofNumber = this.waiting.get(receipt.phoneNumberId);
    if (!ofNumber) this.waiting.set(receipt.phoneNumberId, (ofNumber = new Map()));
    const replacing = ofNumber.has(contact);
    // Setting a key again keeps its place in the Map's order: the contact keeps its place in the line.
    ofNumber.set(contact, { ...receipt, at: now });
    if (!replacing) this.count += 1;
    return !replacing;
  }

  /** The reply to `wamid` is out: its receipt, if still waiting, goes without the indicator. */
  answered(phoneNumberId: string, contact: string, wamid: string): void {
    const waiting = this.waiting.get(phoneNumberId)?.get(contact);
    if (waiting?.wamid === wamid) waiting.typing = false;
  }

  /** Receipts waiting. */
  get size(): number {
    return this.count;
  }

  /** The receipts the numbers' rates allow now, oldest first per number; asks to be woken when a rate holds some back. */
  take(now: number, limiter: RateLimiter): ReadReceipt[] {
    const taken: ReadReceipt[] = [];
    let soonest = Infinity;
    for (const [phoneNumberId, ofNumber] of this.waiting) {
      for (const [contact, receipt] of ofNumber) {
        const wait = limiter.take(phoneNumberId, now);
        if (wait > 0) {
          soonest = Math.min(soonest, wait);
          break;
        }
        ofNumber.delete(contact);
        this.count -= 1;
        taken.push({ phoneNumberId, wamid: receipt.wamid, typing: receipt.typing && now - receipt.at <= TYPING_SHOWN_MS });
      }
      if (ofNumber.size === 0) this.waiting.delete(phoneNumberId);
    }
    if (soonest < Infinity) this.wake(soonest);
    return taken;
  }

  /** Forgets what waits (shutdown: receipts are best effort, never stored). */
  clear(): void {
    this.waiting.clear();
    this.count = 0;
  }
}
