import type { RecordChange } from "./applyRecordChange";

type Action = RecordChange["type"];

/** One write of this client: in flight until `answered`, then waiting for its realtime echo. */
export interface OwnWrite {
  readonly action: Action;
  readonly key: string;
  /** The book it was written in (a later user's book never holds it). */
  readonly book: { readonly writes: Map<string, Set<OwnWrite>> };
  answered: boolean;
  /** The answer's `updated` (undefined when it did not say: a `fields` projection, no answer). */
  version?: unknown;
  /** An event has been taken as this write's echo. */
  echoed: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

interface Book {
  readonly identity: string;
  readonly writes: Map<string, Set<OwnWrite>>;
}

const books = new WeakMap<object, Book>();

// PocketBase queues the echo before it answers, so after the answer it is due at once or never
// (a connection that was down misses it: nothing is replayed). Once one copy has arrived, the
// others (one per subscription covering the record) follow within moments.
const ECHO_WAIT_MS = 10_000;
const COPIES_WAIT_MS = 1_000;

/**
 * The writes this client has in flight or just answered, per QueryClient, by `collection/id`,
 * so realtime can tell the echo of a mutation from another user's change (the rule is on
 * `RecordEventInfo.own`). Mutations write it, realtime reads it; entries go when their echo has
 * had time to arrive, and a book holds one signed-in user's writes (the next user's writes or
 * events start a new one).
 * @internal
 */
export const ownWrites = {
  /** A write is about to be sent. */
  begin(cache: object, identity: string, collection: string, id: string, action: Action): OwnWrite {
    let book = books.get(cache);
    if (book?.identity !== identity) books.set(cache, (book = { identity, writes: new Map() }));
    const key = `${collection}/${id}`;
    const write: OwnWrite = { action, key, book, answered: false, echoed: false };
    const writes = book.writes.get(key) ?? new Set();
    book.writes.set(key, writes.add(write));
    return write;
  },

  /** The server applied the write and answered (`undefined`: the answer was lost, it may have applied it). */
  answered(write: OwnWrite, answer: unknown): void {
    write.answered = true;
    write.version = (answer as { updated?: unknown } | undefined)?.updated;
    expire(write, write.echoed ? COPIES_WAIT_MS : ECHO_WAIT_MS);
  },

  /** The server refused the write: no echo will come. */
  failed: forget,

  /** Whether a record event is the echo of a write of the signed-in user (`identity`, read only when needed). */
  isOwn(
    cache: object,
    identity: () => string,
    collection: string,
    event: { action?: string; record?: { id?: string; updated?: unknown } },
  ): boolean {
    const book = books.get(cache);
    const record = event.record;
    const writes = book && record?.id ? book.writes.get(`${collection}/${record.id}`) : undefined;
    if (!writes) return false;
    if (book!.identity !== identity()) {
      books.delete(cache); // another user's writes: none of theirs is this user's echo
      return false;
    }
    const version = record!.updated;
    for (const write of writes) {
      if (write.action !== event.action) continue;
      if (write.action === "update" && write.answered && write.version && version && write.version !== version) continue;
      write.echoed = true;
      if (write.answered) expire(write, COPIES_WAIT_MS);
      return true;
    }
    return false;
  },

  /** How many writes the QueryClient's current book holds (for leak checks). */
  size(cache: object): number {
    let count = 0;
    for (const writes of books.get(cache)?.writes.values() ?? []) count += writes.size;
    return count;
  },
};

function expire(write: OwnWrite, ms: number) {
  clearTimeout(write.timer);
  write.timer = setTimeout(() => forget(write), ms);
  // Node: a pending expiry must not keep a script alive after its work is done.
  (write.timer as { unref?: () => void }).unref?.();
}

function forget(write: OwnWrite): void {
  clearTimeout(write.timer);
  const writes = write.book.writes.get(write.key);
  writes?.delete(write);
  if (writes?.size === 0) write.book.writes.delete(write.key);
}
