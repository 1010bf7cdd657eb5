/** The browser tab a stored cache came from, as `ownedPersister` asks about it. @internal */
export interface WriterTab {
  /** This tab's id: kept across its reloads, never shared with another tab. */
  id(): string;
  /** Whether the tab with this id is another tab that is still open. */
  isOpenElsewhere(id: string): Promise<boolean>;
}

const KEY = "solid-query-pocketbase tab";
const lockName = (id: string) => `solid-query-pocketbase persist ${id}`;
let current: string | undefined;

/**
 * Which tab stored the persisted cache, and whether it is still open. Every tab of an app
 * stores its whole cache under the persister's one key, the last write winning, so a tab that
 * loads while another is open may find that tab's writes in storage: restored, they would be
 * sent twice, once by each tab. So the stored cache names the tab that wrote it (an id in
 * `sessionStorage`, which a reload keeps and other tabs do not share), each tab holds a Web Lock
 * named after its id while it lives, and writes stored by a tab that still holds its lock are
 * left to that tab. Without Web Locks (outside secure contexts) every tab counts as closed.
 *
 * Tested by tests/core/persist/ownedPersister.test.ts and e2e/offlineChecks.mjs (two tabs in
 * Chromium: a write is sent by the tab that made it only).
 * @internal
 */
export const writerTab: WriterTab = {
  id() {
    if (current) return current;
    let id: string | null = null;
    try {
      id = sessionStorage.getItem(KEY);
      if (!id) sessionStorage.setItem(KEY, (id = crypto.randomUUID()));
    } catch {
      id = crypto.randomUUID(); // no sessionStorage (server, a sandboxed frame): this page only
    }
    current = id;
    // Held until the tab closes: the lock says the tab is open.
    if (typeof navigator !== "undefined" && navigator.locks) void navigator.locks.request(lockName(id), () => new Promise(() => {}));
    return id;
  },

  async isOpenElsewhere(id) {
    if (id === writerTab.id() || typeof navigator === "undefined" || !navigator.locks) return false;
    const { held = [] } = await navigator.locks.query();
    return held.some((lock) => lock.name === lockName(id));
  },
};
