import { createSignal, For, Show } from "solid-js";
import { useCreateRecord, useDeleteRecord, useFullCollection, useRealtimeCollection } from "../../../src/index";
import type { Draft, Staff } from "../types";

/**
 * Private memos of the signed-in staff member. The collection's rules let only the author list,
 * view or change a draft (realtime included), so after logging out and in as someone else none
 * of them may be on screen or in the cache.
 */
export function DraftsPanel(props: { me: Staff }) {
  const drafts = useFullCollection<Draft>("drafts", () => ({ sort: "-created" }));
  useRealtimeCollection("drafts"); // the author's other windows and tabs stay in step
  const create = useCreateRecord<Draft>("drafts");
  const remove = useDeleteRecord("drafts");
  const [text, setText] = createSignal("");

  return (
    <section class="card panel" aria-label="My drafts">
      <h2>
        My drafts <span class="muted">· only you see these</span>
      </h2>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ text: text().trim(), author: props.me.id }, { onSuccess: () => setText("") });
        }}
      >
        <input data-testid="draft-text" placeholder="A private note" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" class="button secondary" data-testid="draft-add" disabled={create.isPending}>
          Add
        </button>
      </form>
      <Show when={create.error}>
        {(error) => (
          <small class="field-error">
            {(error().response?.data as { text?: { message?: string } } | undefined)?.text?.message ?? error().message}
          </small>
        )}
      </Show>
      <Show when={drafts.isError}>
        <p class="alert">Could not load drafts: {drafts.error?.message}</p>
      </Show>
      <ul class="drafts" data-testid="drafts">
        <For each={drafts.data} fallback={<li class="muted">{drafts.isPending ? "Loading…" : "No drafts."}</li>}>
          {(draft) => (
            <li data-testid="draft">
              <span data-testid="draft-item-text">{draft.text}</span>
              <button type="button" class="close small" aria-label="Delete draft" onClick={() => remove.mutate(draft.id)}>
                ×
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
