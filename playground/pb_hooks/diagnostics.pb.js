/// <reference path="../pb_data/types.d.ts" />
// GET /api/clinic/realtime-clients (superusers only): the realtime connections PocketBase holds
// right now, each with the user it runs as and its topics. The browser checks count them: the
// tabs of one browser share one connection, and a signed-out user keeps none.
routerAdd(
  "GET",
  "/api/clinic/realtime-clients",
  (e) => {
    const clients = $app.subscriptionsBroker().clients();
    const list = [];
    for (const id in clients) {
      const client = clients[id];
      const auth = client.get("auth");
      list.push({ id, user: auth ? auth.email() : null, topics: Object.keys(client.subscriptions()) });
    }
    return e.json(200, list);
  },
  $apis.requireSuperuserAuth(),
);
