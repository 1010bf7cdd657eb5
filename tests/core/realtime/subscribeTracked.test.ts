import { describe, expect, it } from "vitest";
import { subscribeTracked } from "../../../src/core/realtime/subscribeTracked";
import { networkErrorNext } from "../../helpers/msw";
import { freshCollection, newClient, superuserClient, waitFor } from "../../helpers/pocketbase";
import { sdkTopics } from "../../helpers/realtime";

type Event = { record: { title: string } };

describe("subscribeTracked", () => {
  it("after a failed first connect, stop() removes the listener the SDK kept, so events are not delivered twice", async () => {
    const collection = await freshCollection();
    const topic = `${collection}/*`;
    const pb = newClient();
    networkErrorNext("GET", "/api/realtime");
    const failedHeard: string[] = [];
    const failed = subscribeTracked(pb, topic, undefined, (e) => failedHeard.push((e as Event).record.title));
    await expect(failed.done).rejects.toThrow();
    expect(sdkTopics(pb)[topic]).toBe(1); // the SDK kept the failed attempt's listener
    failed.stop();

    const heard: string[] = [];
    const retry = subscribeTracked(pb, topic, undefined, (e) => heard.push((e as Event).record.title));
    await retry.done;
    expect(sdkTopics(pb)[topic]).toBe(1);
    await (await superuserClient()).collection(collection).create({ title: "once" });
    // Both listeners would hear the event in one dispatch, so this is the moment to look.
    await waitFor(() => heard.length === 1, { message: "event delivered" });
    expect(failedHeard).toEqual([]);
    retry.stop();
    await waitFor(() => !pb.realtime.isConnected, { message: "connection closed" });
  });

  it("stop() before subscribe() settles leaves no listener and no connection", async () => {
    const collection = await freshCollection();
    const pb = newClient();
    const subscription = subscribeTracked(pb, `${collection}/*`, undefined, () => {});
    subscription.stop();
    await subscription.done;
    await waitFor(() => Object.keys(sdkTopics(pb)).length === 0 && !pb.realtime.isConnected, {
      message: "no listener and no connection left",
    });
  });

  it("stop() removes only its own listener: other listeners of the topic, the app's own included, keep hearing", async () => {
    const collection = await freshCollection();
    const topic = `${collection}/*`;
    const pb = newClient();
    const heard = { mine: 0, other: 0, app: 0 };
    const mine = subscribeTracked(pb, topic, undefined, () => heard.mine++);
    const other = subscribeTracked(pb, topic, undefined, () => heard.other++);
    const stopApp = await pb.collection(collection).subscribe("*", () => heard.app++);
    await Promise.all([mine.done, other.done]);
    mine.stop();
    expect(sdkTopics(pb)[topic]).toBe(2);
    await (await superuserClient()).collection(collection).create({ title: "x" });
    await waitFor(() => heard.other === 1 && heard.app === 1, { message: "the others heard the event" });
    expect(heard.mine).toBe(0);
    other.stop();
    await stopApp();
    await waitFor(() => !pb.realtime.isConnected, { message: "connection closed" });
  });

  it("subscribes the plain topic when the options are empty; options make a topic key of their own", async () => {
    const collection = await freshCollection();
    const topic = `${collection}/*`;
    const pb = newClient();
    const plain = subscribeTracked(pb, topic, {}, () => {});
    const expanded = subscribeTracked(pb, topic, { expand: "author" }, () => {});
    await Promise.all([plain.done, expanded.done]);
    const keys = Object.keys(sdkTopics(pb));
    expect(keys).toContain(topic);
    expect(keys.filter((key) => key.startsWith(`${topic}?options=`))).toHaveLength(1);
    expanded.stop();
    expect(Object.keys(sdkTopics(pb))).toEqual([topic]);
    plain.stop();
    await waitFor(() => !pb.realtime.isConnected, { message: "connection closed" });
  });
});
