// @vitest-environment jsdom
// Tokens are read the way a user reads the mail: the test server keeps each password-reset
// mail's token instead of sending it (`mailed`).
import { describe, expect, it } from "vitest";
import { useConfirmPasswordReset } from "../src/useConfirmPasswordReset";
import { useRequestPasswordReset } from "../src/useRequestPasswordReset";
import { mailed, newClient, superuserClient, uniqueScope, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

describe("useRequestPasswordReset and useConfirmPasswordReset", () => {
  it("sets a new password with the mailed token; token and passwords are sent and never kept", async () => {
    const superuser = await superuserClient();
    const email = `${uniqueScope("reset")}@example.com`;
    await superuser.collection("users").create({ email, password: "first-secret-1", passwordConfirm: "first-secret-1", verified: true });
    const { result, queryClient, cleanup } = renderWithClient(
      () => ({ request: useRequestPasswordReset("users"), confirm: useConfirmPasswordReset("users") }),
      newClient(),
    );
    await result.request.mutateAsync({ email });
    const token = await mailed("password-reset", email);

    result.confirm.mutate({ token, password: "second-secret-2", passwordConfirm: "second-secret-2" });
    expect(result.confirm.variables).toEqual({});
    await waitFor(() => result.confirm.isSuccess, { message: "the new password" });
    const cached = JSON.stringify(queryClient.getMutationCache().getAll().map((mutation) => mutation.state));
    expect(cached).not.toContain(token);
    expect(cached).not.toContain("second-secret-2");
    // The new password signs in; the old one no longer does.
    await newClient().collection("users").authWithPassword(email, "second-secret-2");
    await expect(newClient().collection("users").authWithPassword(email, "first-secret-1")).rejects.toMatchObject({ status: 400 });
    cleanup();
  });

  it("passwords that do not match: a 400 that names the field, the request sent once", async () => {
    const { result, cleanup } = renderWithClient(() => useConfirmPasswordReset("users"), newClient());
    result.mutate({ token: "not-a-token", password: "second-secret-2", passwordConfirm: "something-else" });
    await waitFor(() => result.isError, { message: "the refusal" });
    expect(result.error?.status).toBe(400);
    expect(result.failureCount).toBe(1);
    cleanup();
  });
});
