// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { authMethodsKey } from "../src/core/keys/authMethodsKey";
import { useAuthMethods } from "../src/useAuthMethods";
import { newClient, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

describe("useAuthMethods", () => {
  it("lists the sign-in methods of an auth collection, cached under authMethodsKey", async () => {
    const { result, queryClient, cleanup } = renderWithClient(() => useAuthMethods("users"), newClient());
    await waitFor(() => result.isSuccess, { message: "the methods" });
    expect(result.data?.password.enabled).toBe(true);
    expect(result.data?.password.identityFields).toContain("email");
    expect(queryClient.getQueryData(authMethodsKey("users"))).toEqual(result.data);
    cleanup();
  });

  it("a collection that is not an auth collection: the server's 4xx on `error`, asked once", async () => {
    const { result, cleanup } = renderWithClient(() => useAuthMethods("posts"), newClient());
    await waitFor(() => result.isError, { message: "the refusal" });
    expect(result.error?.status).toBeGreaterThanOrEqual(400);
    expect(result.error?.status).toBeLessThan(500);
    expect(result.failureCount).toBe(1);
    cleanup();
  });
});
