import { describe, expect, it } from "vitest";
import { secretVariables } from "../../../src/core/auth/secretVariables";

describe("secretVariables", () => {
  it("hands out a copy without the secrets, gives them back for the request, and drops them", () => {
    const variables = { identity: "alice@example.com", password: "hunter2", options: { expand: "team" } };
    const kept = secretVariables.hide(variables, ["password"]);
    expect(kept).toEqual({ identity: "alice@example.com", options: { expand: "team" } });
    expect(Object.getOwnPropertyNames(kept)).not.toContain("password");
    expect(variables.password).toBe("hunter2"); // the caller's object is left alone
    expect(secretVariables.reveal(kept)).toEqual(variables);
    secretVariables.forget(kept);
    expect(() => secretVariables.reveal(kept)).toThrow(/no longer kept.*call mutate\(\) again/);
  });

  it("refuses variables that never came through hide (a restored or replayed mutation)", () => {
    expect(() => secretVariables.reveal({ identity: "alice@example.com" })).toThrow(/no longer kept/);
  });
});
