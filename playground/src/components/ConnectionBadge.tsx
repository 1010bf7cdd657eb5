import { useRealtimeStatus } from "../../../src/index";

const LABELS = {
  connected: "Live",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  disconnected: "Offline",
} as const;

/** The realtime connection as the hub sees it; its title carries the last connect error. */
export function ConnectionBadge() {
  const status = useRealtimeStatus();
  const title = () => {
    const error = status().error;
    return error instanceof Error ? `Last error: ${error.message}` : "Realtime connection to PocketBase";
  };
  return (
    <span class={`connection connection-${status().state}`} data-testid="realtime-status" data-state={status().state} title={title()}>
      <span class="dot" aria-hidden="true" />
      {LABELS[status().state]}
    </span>
  );
}
