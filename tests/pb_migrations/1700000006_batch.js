// PocketBase's batch API is off by default: on for the tests (useBatch), with the default limit
// of 50 requests. The tests of a server with batches off turn it off on a server of their own.
migrate(
  (app) => {
    const settings = app.settings();
    settings.batch.enabled = true;
    settings.batch.maxRequests = 50;
    app.save(settings);
  },
  (app) => {
    const settings = app.settings();
    settings.batch.enabled = false;
    app.save(settings);
  },
);
