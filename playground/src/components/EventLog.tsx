import { For, Show } from "solid-js";
import type { LoggedEvent } from "../eventLog";

const time = (date: Date) => date.toLocaleTimeString(undefined, { hour12: false });

function toScreen(entry: LoggedEvent): string {
  switch (entry.outcome) {
    case "pending":
      return "…";
    case "shown":
      return `${entry.ms} ms`;
    case "left":
      return `${entry.ms} ms (row left)`;
    case "off-screen":
      return "not on screen";
  }
}

/** Realtime events of the patients collection, newest first, with their time to screen. */
export function EventLog(props: { entries: LoggedEvent[] }) {
  return (
    <section class="card" aria-label="Realtime events">
      <div class="toolbar">
        <h2>Realtime events</h2>
        <span class="muted">time to screen: from the event's arrival to the first animation frame showing it</span>
      </div>
      <Show
        when={props.entries.length > 0}
        fallback={<p class="state">No events yet: changes by anyone, in any window, show up here.</p>}
      >
        <table class="table log" data-testid="event-log">
          <thead>
            <tr>
              <th>Time</th>
              <th>Action</th>
              <th>Patient</th>
              <th class="num">To screen</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.entries}>
              {(entry) => (
                <tr
                  data-testid="event-row"
                  data-action={entry.action}
                  data-id={entry.id}
                  data-outcome={entry.outcome}
                  data-ms={entry.ms ?? ""}
                >
                  <td class="muted">{time(entry.at)}</td>
                  <td>
                    <span class={`action action-${entry.action}`}>{entry.action}</span>
                  </td>
                  <td data-testid="event-name">{entry.name || entry.id}</td>
                  <td class="num">{toScreen(entry)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
