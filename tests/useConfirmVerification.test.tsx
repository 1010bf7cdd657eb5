// @vitest-environment jsdom
// Tokens are read the way a user reads the mail: the test server keeps each verification mail's
// token instead of sending it (`mailed`).
import { describe, expect, it } from "vitest";
import { useConfirmVerification } from "../src/useConfirmVerification";
import { useRequestVerification } from "../src/useRequestVerification";
import { recordRequests } from "./helpers/msw";
import { mailed, newClient, superuserClient, uniqueScope, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

describe("useRequestVerification and useConfirmVerification", () => {
  it("verifies an address with the mailed token, which is sent and never kept", async () => {
    const superuser = await superuserClient();
    const email = `${uniqueScope("verify")}@example.com`;
    const user = await superuser.collection("users").create({ email, password: "first-secret-1", passwordConfirm: "first-secret-1" });
    expect(user.verified).toBe(false);
    const { result, queryClient, cleanup } = renderWithClient(
      () => ({ request: useRequestVerification("users"), confirm: useConfirmVerification("users") }),
      newClient(),
    );
    await result.request.mutateAsync({ email });
    const token = await mailed("verification", email);

    result.confirm.mutate({ token });
    expect(result.confirm.variables).toEqual({});
    await waitFor(() => result.confirm.isSuccess, { message: "the confirmation" });
    expect((await superuser.collection("users").getOne(user.id)).verified).toBe(true);
    expect(JSON.stringify(queryClient.getMutationCache().getAll().map((mutation) => mutation.state))).not.toContain(token);
    cleanup();
  });

  it("a token that is not one: a 400 on `error`, one request", async () => {
    const { result, cleanup } = renderWithClient(() => useConfirmVerification("users"), newClient());
    const requests = recordRequests();
    result.mutate({ token: "not-a-token" });
    await waitFor(() => result.isError, { message: "the refusal" });
    requests.stop();
    expect(result.error?.status).toBe(400);
    expect(requests.count({ method: "POST", path: "/api/collections/users/confirm-verification" })).toBe(1);
    cleanup();
  });
});
