/**
 * Opens the window an OAuth2 sign-in runs in, blank, centred on the page. Browsers let a page open
 * a window only while it handles the user's click, and Safari and Firefox refuse one opened after
 * an `await`. TanStack calls a mutation's function after awaits of its own, so the sign-in hook
 * opens the window here, inside `mutate()`, and the sign-in sends it to the provider once the
 * provider's address is known.
 *
 * Closed when `signal` aborts. Returns `null` where the browser refused the window (a popup blocker, a sandboxed frame) or
 * where there is no browser (server rendering).
 *
 * Tested by tests/useAuthWithOAuth2.test.tsx and e2e/checks.mjs (Chromium).
 * @internal
 */
export function openOAuth2Popup(signal: AbortSignal): Window | null {
  if (typeof window === "undefined" || typeof window.open !== "function") return null;
  const width = Math.min(1024, window.innerWidth);
  const height = Math.min(768, window.innerHeight);
  const left = window.screenX + (window.outerWidth - width) / 2;
  const top = window.screenY + (window.outerHeight - height) / 2;
  // No name: a second sign-in gets a window of its own instead of taking over the first one's.
  const popup = window.open("", "_blank", `popup,width=${width},height=${height},left=${left},top=${top}`) ?? null;
  // Cancelled (a newer sign-in, reset, unmount): the window goes at once, even before the
  // sign-in's own function has started.
  signal.addEventListener("abort", () => popup?.close(), { once: true });
  return popup;
}
