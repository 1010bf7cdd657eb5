import { applyModifiers } from "./applyModifiers";

type Row = Record<string, unknown>;

/** One update in flight: its raw data (modifiers included) and the fields it writes. */
export interface PendingUpdate {
  readonly seq: number;
  readonly data: Readonly<Row>;
  readonly written: readonly string[];
}

/** Per record: the last version the server confirmed, and the updates still in flight. */
interface RecordLedger {
  base: Row;
  updates: PendingUpdate[];
}

/** The ledgers of one cache, for the signed-in user whose updates they hold. */
interface Book {
  identity: string;
  records: Map<string, RecordLedger>;
}

const books = new WeakMap<object, Book>();
let nextSeq = 0;

/** The base with every update still in flight applied in the order they were started. */
function rebase(ledger: RecordLedger): Row {
  return ledger.updates.reduce((record, update) => applyModifiers(record, update.data).record, ledger.base);
}

/**
 * The ledger of optimistic updates of one record, per cache: what the server last confirmed
 * (`base`) and the updates in flight on top of it. When one update settles, the record shown is
 * rebuilt as "server's latest + the others still in flight, replayed in order", modifiers
 * included. So neither a response nor a failure of one update can undo another's optimistic
 * state, and a failure restores the server's value, not a value from before a later success.
 *
 * @example
 * ```ts
 * const mine = pendingUpdates.begin(qc, "guest", `posts/${id}`, cachedRecord, { "views+": 1 }, ["views"]);
 * // ...server answered:
 * const shown = pendingUpdates.succeed(qc, `posts/${id}`, mine, serverRecord);
 * ```
 */
export const pendingUpdates = {
  /**
   * Registers an update of the signed-in user `identity`. `current` becomes the base if no
   * other update of the record is in flight. The first update of another user starts a new
   * book: a previous user's updates still in flight are never replayed over the next user's.
   */
  begin(cache: object, identity: string, key: string, current: Row, data: Row, written: readonly string[]): PendingUpdate {
    let book = books.get(cache);
    if (book?.identity !== identity) books.set(cache, (book = { identity, records: new Map() }));
    const ledger = book.records.get(key) ?? { base: current, updates: [] };
    book.records.set(key, ledger);
    const update = { seq: nextSeq++, data, written };
    ledger.updates.push(update);
    return update;
  },

  /** The server answered `update` with `record`: the record to show now. */
  succeed(cache: object, key: string, update: PendingUpdate, record: Row): Row {
    const ledger = ledgerHolding(cache, key, update);
    if (!ledger) return record;
    settle(cache, key, ledger, update);
    ledger.base = record;
    return rebase(ledger);
  },

  /**
   * `update` failed: the values to show for the fields it wrote (and `updated`, once no other
   * update of the record is in flight). Other fields keep whatever the cache holds now.
   */
  fail(cache: object, key: string, update: PendingUpdate): Row {
    const ledger = ledgerHolding(cache, key, update);
    if (!ledger) return {};
    const shown = rebaseWithout(ledger, update);
    const fields = ledger.updates.length === 1 ? [...update.written, "updated"] : update.written;
    settle(cache, key, ledger, update);
    return Object.fromEntries(fields.map((field) => [field, shown[field]]));
  },
};

function rebaseWithout(ledger: RecordLedger, update: PendingUpdate): Row {
  return rebase({ base: ledger.base, updates: ledger.updates.filter((other) => other !== update) });
}

// The ledger `update` is in: none when it belongs to a book replaced by another user's.
function ledgerHolding(cache: object, key: string, update: PendingUpdate): RecordLedger | undefined {
  const ledger = books.get(cache)?.records.get(key);
  return ledger?.updates.includes(update) ? ledger : undefined;
}

// Removes a settled update; drops the ledger when nothing of the record is in flight any more.
function settle(cache: object, key: string, ledger: RecordLedger, update: PendingUpdate): void {
  ledger.updates = ledger.updates.filter((other) => other !== update);
  if (ledger.updates.length === 0) books.get(cache)?.records.delete(key);
}
