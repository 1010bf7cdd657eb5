// A custom realtime topic for useRealtimeTopic tests: POST /api/test/broadcast
// {"topic": "...", "data": {...}} sends `data` to every client subscribed to `topic`.
routerAdd("POST", "/api/test/broadcast", (e) => {
  const body = e.requestInfo().body;
  const message = new SubscriptionMessage({ name: body.topic, data: JSON.stringify(body.data) });
  const clients = $app.subscriptionsBroker().clients();
  let sent = 0;
  for (const id in clients) {
    if (clients[id].hasSubscription(body.topic)) {
      clients[id].send(message);
      sent++;
    }
  }
  return e.json(200, { sent });
});
