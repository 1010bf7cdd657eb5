/// <reference path="../pb_data/types.d.ts" />
// POST /api/clinic/broadcast {"text": "..."}: a logged-in staff member sends a short message to
// every client subscribed to the custom realtime topic "clinic/broadcast" (the board listens
// with useRealtimeTopic). Answers {"sent": <number of clients reached>}.
//
// PocketBase runs each handler in its own JS context: everything it uses is declared inside it.
routerAdd(
  "POST",
  "/api/clinic/broadcast",
  (e) => {
    const TOPIC = "clinic/broadcast";
    const MAX_TEXT = 200;
    const text = String(e.requestInfo().body.text ?? "").trim();
    // The same error shape as a record's field errors: response.data.text.message.
    if (!text) {
      throw new BadRequestError("Failed to broadcast.", { text: new ValidationError("validation_required", "Cannot be blank.") });
    }
    if (text.length > MAX_TEXT) {
      throw new BadRequestError("Failed to broadcast.", {
        text: new ValidationError("validation_length_out_of_range", `Must be at most ${MAX_TEXT} characters.`),
      });
    }
    const data = { text, from: e.auth.get("name") || e.auth.email(), fromId: e.auth.id, at: new Date().toISOString() };
    const message = new SubscriptionMessage({ name: TOPIC, data: JSON.stringify(data) });
    const clients = $app.subscriptionsBroker().clients();
    let sent = 0;
    for (const id in clients) {
      if (clients[id].hasSubscription(TOPIC)) {
        clients[id].send(message);
        sent++;
      }
    }
    return e.json(200, { sent });
  },
  // Staff only: guests get 401, users of any other auth collection 403.
  $apis.requireAuth("staff"),
);
