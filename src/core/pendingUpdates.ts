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

const ledgers = new WeakMap<object, Map<string, RecordLedger>>();
let nextSeq = 0;

function ledgersOf(cache: object): Map<string, RecordLedger> {
  let map = ledgers.get(cache);
  if (!map) ledgers.set(cache, (map = new Map()));
  return map;
}

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
 * const mine = pendingUpdates.begin(qc, "posts", id, cachedRecord, { "views+": 1 }, ["views"]);
 * // ...server answered:
 * const shown = pendingUpdates.succeed(qc, "posts", id, mine, serverRecord);
 * ```
 */
export const pendingUpdates = {
  /** Registers an update. `current` becomes the base if no other update of the record is in flight. */
  begin(cache: object, key: string, current: Row, data: Row, written: readonly string[]): PendingUpdate {
    const map = ledgersOf(cache);
    const ledger = map.get(key) ?? { base: current, updates: [] };
    map.set(key, ledger);
    const update = { seq: nextSeq++, data, written };
    ledger.updates.push(update);
    return update;
  },

  /** The server answered `update` with `record`: the record to show now. */
  succeed(cache: object, key: string, update: PendingUpdate, record: Row): Row {
    const ledger = settle(cache, key, update);
    if (!ledger) return record;
    ledger.base = record;
    return rebase(ledger);
  },

  /** Forgets every update of a cache: after a change of user, their records are not shown. */
  clear(cache: object): void {
    ledgers.delete(cache);
  },

  /**
   * `update` failed: the values to show for the fields it wrote (and `updated`, once no other
   * update of the record is in flight). Other fields keep whatever the cache holds now.
   */
  fail(cache: object, key: string, update: PendingUpdate): Row {
    const ledger = ledgersOf(cache).get(key);
    if (!ledger) return {};
    const shown = rebaseWithout(ledger, update);
    const fields = ledger.updates.length === 1 ? [...update.written, "updated"] : update.written;
    settle(cache, key, update);
    return Object.fromEntries(fields.map((field) => [field, shown[field]]));
  },
};

function rebaseWithout(ledger: RecordLedger, update: PendingUpdate): Row {
  return rebase({ base: ledger.base, updates: ledger.updates.filter((other) => other !== update) });
}

// Removes a settled update; drops the ledger when nothing of the record is in flight any more.
function settle(cache: object, key: string, update: PendingUpdate): RecordLedger | undefined {
  const map = ledgersOf(cache);
  const ledger = map.get(key);
  if (!ledger) return undefined;
  ledger.updates = ledger.updates.filter((other) => other !== update);
  if (ledger.updates.length === 0) map.delete(key);
  return ledger;
}
