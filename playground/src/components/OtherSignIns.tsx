import { createResource, createSignal, For, Show } from "solid-js";
import { useAuthMethods, useAuthWithOAuth2, useAuthWithOTP, usePocketBase, useRequestOTP } from "../../../src/index";

/**
 * The staff collection's other sign-in methods: a code sent by email (OTP) and the OAuth2
 * providers it offers (here "Clinic SSO", the local OIDC server the playground script starts).
 * The methods come from the server (`useAuthMethods`), so what the collection allows is what
 * shows.
 */
export function OtherSignIns(props: { email: string }) {
  const pb = usePocketBase();
  const methods = useAuthMethods("staff");
  const requestCode = useRequestOTP("staff");
  const signInWithCode = useAuthWithOTP("staff");
  const signInWithProvider = useAuthWithOAuth2("staff");
  const [code, setCode] = createSignal("");

  // No mail leaves the playground: its mailbox hook keeps the code, and this reads it back. The
  // server sends the mail in the background, so the code may not be there yet: asked again
  // (ten times, 200 ms apart) while the mailbox answers 404.
  const [mailbox] = createResource(
    () => requestCode.isSuccess && requestCode.variables?.email,
    async (email) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await pb.send<{ code: string }>(`/api/clinic/mailbox/${encodeURIComponent(email)}`, { requestKey: null });
        } catch (error) {
          if ((error as { status?: number }).status !== 404 || attempt === 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    },
  );

  const sendCode = (event: SubmitEvent) => {
    event.preventDefault();
    if (!requestCode.data) return requestCode.mutate({ email: props.email });
    signInWithCode.mutate({ otpId: requestCode.data.otpId, password: code() });
  };

  return (
    <section class="card login-more">
      <Show when={methods.data?.otp.enabled}>
        <form class="otp" onSubmit={sendCode}>
          <Show
            when={requestCode.data}
            fallback={
              <button type="submit" class="button secondary" data-testid="otp-request" disabled={requestCode.isPending || !props.email}>
                {requestCode.isPending ? "Sending…" : "Email me a sign-in code"}
              </button>
            }
          >
            <label class="field">
              <span>Code sent to {requestCode.variables?.email}</span>
              <input inputmode="numeric" autocomplete="one-time-code" required data-testid="otp-code" value={code()} onInput={(e) => setCode(e.currentTarget.value)} />
            </label>
            <Show when={mailbox()}>
              {(mail) => (
                <p class="hint-inline">
                  Playground mailbox: <code data-testid="mailbox-code">{mail().code}</code>{" "}
                  <button type="button" class="link" onClick={() => setCode(mail().code)}>
                    use it
                  </button>
                </p>
              )}
            </Show>
            <div class="row">
              <button type="submit" class="button" data-testid="otp-submit" disabled={signInWithCode.isPending}>
                {signInWithCode.isPending ? "Signing in…" : "Sign in with the code"}
              </button>
              <button type="button" class="button secondary" onClick={() => (requestCode.reset(), signInWithCode.reset(), setCode(""))}>
                Back
              </button>
            </div>
          </Show>
          <Show when={requestCode.error ?? signInWithCode.error}>{(error) => <p class="alert">{error().message}</p>}</Show>
        </form>
      </Show>

      <Show when={methods.data?.oauth2.enabled}>
        <For each={methods.data?.oauth2.providers}>
          {(provider) => (
            <button
              type="button"
              class="button secondary"
              data-testid={`oauth2-${provider.name}`}
              disabled={signInWithProvider.isPending}
              // mutate() in the click itself: it opens the sign-in window here, before any await.
              onClick={() => signInWithProvider.mutate({ provider: provider.name })}
            >
              {signInWithProvider.isPending && signInWithProvider.variables?.provider === provider.name
                ? `Waiting for the ${provider.displayName} window…`
                : `Continue with ${provider.displayName}`}
            </button>
          )}
        </For>
        <Show when={signInWithProvider.isPending}>
          <button type="button" class="button secondary" data-testid="oauth2-cancel" onClick={() => signInWithProvider.reset()}>
            Cancel
          </button>
        </Show>
        <Show when={signInWithProvider.error}>
          {(error) => (
            <p class="alert" data-testid="oauth2-error">
              {error().message}
            </p>
          )}
        </Show>
      </Show>
    </section>
  );
}
