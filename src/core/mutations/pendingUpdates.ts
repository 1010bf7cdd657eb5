import { applyModifiers } from "./applyModifiers";

type Row = Record<string, unknown>;

/** One update in flight: its raw data (modifiers included) and the fields it writes. */
export interface PendingUpdate {
  readonly seq: number;
  readonly data: Readonly<Row>;
  readonly written: readonly string[];
}

interface RecordLedger {
  base: Row;
  updates: PendingUpdate[];
}

interface Book {
  identity: string;
  records: Map<string, RecordLedger>;
}

const books = new WeakMap<object, Book>();
let nextSeq = 0;

function rebase(ledger: RecordLedger): Row {
  return ledger.updates.reduce((record, update) => applyModifiers(record, update.data).record, ledger.base);
}

/**
 * The ledger of overlapping optimistic updates of one record, per cache: the version the server
 * last confirmed (`base`) and the updates in flight on top of it. When one settles, the record
 * shown is rebuilt as the server's latest with the others replayed in order, modifiers
 * included. So no answer or failure of one update undoes another's optimistic state, and a
 * failure restores the server's value, not one from before a later success.
 *
 * Keys are `collection/id`. A book holds one signed-in user's ledgers: the first update of
 * another user starts a new book, so a previous user's updates still in flight are never
 * replayed over the next user's, and their late answers find nothing to settle.
 * @internal
 */
export const pendingUpdates = {
  /** Registers an update; `current` becomes the base when none of the record is in flight. */
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
   * `update` failed: the values to show for the fields it wrote, and for `updated` once no other
   * update of the record is in flight. Other fields keep whatever the cache holds now.
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

// None when `update` belongs to a book replaced by another user's.
function ledgerHolding(cache: object, key: string, update: PendingUpdate): RecordLedger | undefined {
  const ledger = books.get(cache)?.records.get(key);
  return ledger?.updates.includes(update) ? ledger : undefined;
}

function settle(cache: object, key: string, ledger: RecordLedger, update: PendingUpdate): void {
  ledger.updates = ledger.updates.filter((other) => other !== update);
  if (ledger.updates.length === 0) books.get(cache)?.records.delete(key);
}
