/// <reference path="../pb_data/types.d.ts" />
// PocketBase's batch API, off by default: on, so the board can discharge a whole ward in one
// atomic request (useBatch). At most 50 requests a batch, the default limit.

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
