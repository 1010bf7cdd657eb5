import { useMutation } from "@tanstack/solid-query";
import type { ClientResponseError } from "pocketbase";
import { createSignal, For, Show } from "solid-js";
import { usePocketBase, useRealtimeTopic } from "../../../src/index";
import type { BroadcastMessage } from "../types";

/** The custom topic playground/pb_hooks/broadcast.pb.js publishes to. */
const TOPIC = "clinic/broadcast";
const KEEP = 5;

/**
 * Sends a message through the app hook route POST /api/clinic/broadcast, which publishes it to
 * the custom realtime topic; every open window (this one too) receives it via useRealtimeTopic.
 */
export function BroadcastPanel() {
  const pb = usePocketBase();
  const [text, setText] = createSignal("");
  const [received, setReceived] = createSignal<BroadcastMessage[]>([]);
  useRealtimeTopic<BroadcastMessage>(TOPIC, (message) => setReceived((list) => [message, ...list].slice(0, KEEP)));

  const send = useMutation<{ sent: number }, ClientResponseError, string>(() => ({
    mutationFn: (message) =>
      pb.send("/api/clinic/broadcast", { method: "POST", body: { text: message }, requestKey: null }),
    onSuccess: () => setText(""),
  }));
  const textError = () =>
    (send.error?.response?.data as { text?: { message?: string } } | undefined)?.text?.message ?? send.error?.message;

  return (
    <section class="card panel" aria-label="Broadcast">
      <h2>Broadcast</h2>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate(text());
        }}
      >
        <input
          data-testid="broadcast-text"
          placeholder="Message to every open board"
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="button" data-testid="broadcast-send" disabled={send.isPending}>
          Send
        </button>
      </form>
      <Show when={send.isError}>
        <small class="field-error">{textError()}</small>
      </Show>
      <Show when={send.data}>{(answer) => <small class="muted">Delivered to {answer().sent} open connection(s).</small>}</Show>
      <ul class="messages">
        <For each={received()}>
          {(message) => (
            <li data-testid="broadcast-message">
              <strong>{message.from}</strong> <span class="muted">{new Date(message.at).toLocaleTimeString(undefined, { hour12: false })}</span>
              <div data-testid="broadcast-message-text">{message.text}</div>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
