import { useRealtimeStatus } from "../../../src/index";

const LABELS = {
  connected: "Live",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  disconnected: "Offline",
} as const;

/**
 * The realtime connection as the hub sees it; its title carries the last connect error. When the
 * browser's tabs share one connection, it says whether this tab holds it ("leads") or gets its
 * messages from the tab that does ("follows").
 */
export function ConnectionBadge() {
  const status = useRealtimeStatus();
  const title = () => {
    const error = status().error;
    return error instanceof Error ? `Last error: ${error.message}` : "Realtime connection to PocketBase";
  };
  return (
    <span
      class={`connection connection-${status().state}`}
      data-testid="realtime-status"
      data-state={status().state}
      data-role={status().role ?? "own"}
      title={title()}
    >
      <span class="dot" aria-hidden="true" />
      {LABELS[status().state]}
      {status().role ? <small class="role">{status().role === "leader" ? "this tab leads" : "via another tab"}</small> : null}
    </span>
  );
}
