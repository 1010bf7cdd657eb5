// @vitest-environment jsdom
// Codes are read the way a user reads the mail: the test server keeps each OTP mail's code
// instead of sending it (`mailed`).
import type { QueryClient } from "@tanstack/solid-query";
import type { ClientResponseError } from "pocketbase";
import { describe, expect, it } from "vitest";
import { useAuth } from "../src/useAuth";
import { useAuthWithOTP } from "../src/useAuthWithOTP";
import { useAuthWithPassword } from "../src/useAuthWithPassword";
import { useRequestOTP } from "../src/useRequestOTP";
import { recordRequests } from "./helpers/msw";
import { mailed, newClient, superuserClient, uniqueScope, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

async function newUser(collection = "users") {
  const superuser = await superuserClient();
  const email = `${uniqueScope("otp")}@example.com`;
  const user = await superuser.collection(collection).create({ email, password: "first-secret-1", passwordConfirm: "first-secret-1", verified: true });
  return { email, user, superuser };
}

const cached = (queryClient: QueryClient) => JSON.stringify(queryClient.getMutationCache().getAll().map((mutation) => mutation.state));

describe("useRequestOTP and useAuthWithOTP", () => {
  it("sign in by email code: the code is sent, never kept", async () => {
    const { email, user } = await newUser();
    const { result, queryClient, cleanup } = renderWithClient(
      () => ({ auth: useAuth(), request: useRequestOTP("users"), signIn: useAuthWithOTP("users") }),
      newClient(),
    );
    result.request.mutate({ email });
    await waitFor(() => result.request.isSuccess, { message: "the code request" });
    const otpId = result.request.data!.otpId;
    const code = await mailed("otp", email);

    result.signIn.mutate({ otpId, password: code });
    expect(result.signIn.variables).toEqual({ otpId });
    await waitFor(() => result.signIn.isSuccess, { message: "the sign-in" });
    expect(result.auth.record?.id).toBe(user.id);
    expect(cached(queryClient)).not.toContain(code);
    cleanup();
  });

  it("a wrong code: a 400 on `error`, one request, the otpId kept, the code gone", async () => {
    const { email } = await newUser();
    const { result, queryClient, cleanup } = renderWithClient(() => ({ request: useRequestOTP("users"), signIn: useAuthWithOTP("users") }), newClient());
    const { otpId } = await result.request.mutateAsync({ email });
    const requests = recordRequests();
    result.signIn.mutate({ otpId, password: "00000000" });
    await waitFor(() => result.signIn.isError, { message: "the refusal" });
    requests.stop();
    expect(result.signIn.error?.status).toBe(400);
    expect(requests.count({ method: "POST", path: "/api/collections/users/auth-with-otp" })).toBe(1);
    expect(result.signIn.variables).toEqual({ otpId });
    expect(cached(queryClient)).not.toContain("00000000");
    cleanup();
  });

  it("MFA: the password step's 401 carries the mfaId, the OTP step passes it on and signs in", async () => {
    const superuser = await superuserClient();
    const collection = uniqueScope("mfa").replace(/-/g, "_");
    await superuser.collections.create({
      name: collection,
      type: "auth",
      passwordAuth: { enabled: true, identityFields: ["email"] },
      otp: { enabled: true },
      mfa: { enabled: true },
    });
    const { email, user } = await newUser(collection);
    const { result, cleanup } = renderWithClient(
      () => ({ auth: useAuth(), password: useAuthWithPassword(collection), request: useRequestOTP(collection), otp: useAuthWithOTP(collection) }),
      newClient(),
    );
    result.password.mutate({ identity: email, password: "first-secret-1" });
    await waitFor(() => result.password.isError, { message: "the first factor's answer" });
    const error = result.password.error as ClientResponseError;
    expect(error.status).toBe(401);
    const mfaId = error.response.mfaId as string;
    expect(mfaId).toBeTruthy();
    expect(result.auth.record).toBeNull();

    const { otpId } = await result.request.mutateAsync({ email });
    result.otp.mutate({ otpId, password: await mailed("otp", email), options: { mfaId } });
    await waitFor(() => result.otp.isSuccess, { message: "the second factor" });
    expect(result.auth.record?.id).toBe(user.id);
    cleanup();
    await superuser.collections.delete(collection);
  });
});
