// @vitest-environment node
import PocketBase, { BaseAuthStore, LocalAuthStore } from "pocketbase";
import { afterEach, describe, expect, it, vi } from "vitest";
import { realtimeSharing } from "../../../src/core/realtime/realtimeSharing";
import { realtimeTabGroup } from "../../../src/core/realtime/realtimeTabGroup";
import { webLocks } from "../../helpers/webLocks";

const url = "http://127.0.0.1:8090";
afterEach(() => vi.unstubAllGlobals());

describe("realtimeTabGroup: which tabs share a realtime connection", () => {
  it("tabs on one server with the SDK's LocalAuthStore under one key share; another key or server does not", () => {
    vi.stubGlobal("navigator", { locks: webLocks() });
    const group = realtimeTabGroup(new PocketBase(url, new LocalAuthStore("app_auth")));
    expect(group).toBe(realtimeTabGroup(new PocketBase(url, new LocalAuthStore("app_auth"))));
    expect(group).toContain(url);
    expect(realtimeTabGroup(new PocketBase(url, new LocalAuthStore("other_auth")))).not.toBe(group);
    expect(realtimeTabGroup(new PocketBase("http://127.0.0.1:9000", new LocalAuthStore("app_auth")))).not.toBe(group);
  });

  it("a tab with an auth store of its own keeps its own connection: it could be another user", () => {
    vi.stubGlobal("navigator", { locks: webLocks() });
    expect(realtimeTabGroup(new PocketBase(url, new BaseAuthStore()))).toBeUndefined();
  });

  it("no sharing without Web Locks (server rendering, jsdom, insecure origins) or when the provider turned it off", () => {
    expect(realtimeTabGroup(new PocketBase(url, new LocalAuthStore()))).toBeUndefined();
    vi.stubGlobal("navigator", { locks: webLocks() });
    const pb = new PocketBase(url, new LocalAuthStore());
    expect(realtimeTabGroup(pb)).toBeDefined();
    realtimeSharing.turnOff(pb);
    expect(realtimeTabGroup(pb)).toBeUndefined();
  });
});
