import { onlineManager } from "@tanstack/solid-query";
import { createSignal, For, onCleanup, Show } from "solid-js";
import { usePendingChanges } from "../../../src/index";

const KEY = "clinic-offline";

/** Whether the switch was left on (read before the app starts, so a reload stays offline). */
export function workingOffline(): boolean {
  return localStorage.getItem(KEY) === "on";
}

/**
 * "Work offline": takes TanStack Query offline, as a lost connection would, so writes wait
 * (shown on the board, kept across reloads) until it is switched off. The realtime connection is
 * left alone: another user's changes still arrive. Beside it, the changes waiting, and those that
 * failed after they were made, with what went wrong.
 */
export function OfflineSwitch() {
  const changes = usePendingChanges();
  const [offline, setOffline] = createSignal(!onlineManager.isOnline());
  onCleanup(onlineManager.subscribe((online) => setOffline(!online)));
  const toggle = () => {
    const next = !offline();
    localStorage.setItem(KEY, next ? "on" : "off");
    onlineManager.setOnline(!next);
  };
  const waiting = () => changes().filter((change) => change.status !== "failed");
  const failed = () => changes().filter((change) => change.status === "failed");
  const lostOnReload = () => waiting().filter((change) => !change.survivesReload).length;
  return (
    <div class="offline" data-testid="offline-panel">
      <label class="switch">
        <input type="checkbox" data-testid="offline-switch" checked={offline()} onChange={toggle} />
        Work offline
      </label>
      <span class="pending" data-testid="pending-count" data-count={waiting().length} classList={{ hidden: waiting().length === 0 }}>
        {waiting().length} {waiting().length === 1 ? "change" : "changes"} waiting
        <Show when={lostOnReload()}>{(lost) => ` (${lost()} lost on reload)`}</Show>
      </span>
      <Show when={failed().length > 0}>
        <ul class="failed" aria-label="Changes that failed">
          <For each={failed()}>
            {(change) => (
              <li data-testid="failed-change" data-kind={change.kind} data-outcome={change.error?.response?.outcome ?? "refused"}>
                {change.kind} of {change.id}: {change.error?.message}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
