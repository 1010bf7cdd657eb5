import type { ListResult } from "pocketbase";
import { Show } from "solid-js";

export function Pager(props: { page: number; list: ListResult<unknown> | undefined; onPage: (page: number) => void }) {
  return (
    <Show when={props.list && props.list.totalPages > 1}>
      <nav class="pager" aria-label="Pages">
        <button
          type="button"
          class="button secondary small"
          data-testid="prev-page"
          disabled={props.page <= 1}
          onClick={() => props.onPage(props.page - 1)}
        >
          ‹ Previous
        </button>
        <span class="muted" data-testid="page-info">
          Page {props.page} of {props.list!.totalPages}
        </span>
        <button
          type="button"
          class="button secondary small"
          data-testid="next-page"
          disabled={props.page >= props.list!.totalPages}
          onClick={() => props.onPage(props.page + 1)}
        >
          Next ›
        </button>
      </nav>
    </Show>
  );
}
