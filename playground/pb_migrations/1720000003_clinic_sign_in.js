/// <reference path="../pb_data/types.d.ts" />
// Sign-in by email code (OTP) for staff. No mail leaves a playground: pb_hooks/mailbox.pb.js
// keeps each code for the login form's "playground mailbox" instead of sending it.
//
// OAuth2 ("Clinic SSO", PocketBase's generic OIDC provider) is configured by
// scripts/playground.mjs on every start instead of here: the provider's URLs point at the local
// OIDC server that the script starts, and its port is only known then.

migrate(
  (app) => {
    const staff = app.findCollectionByNameOrId("staff");
    staff.otp.enabled = true;
    staff.otp.length = 6;
    app.save(staff);
  },
  (app) => {
    const staff = app.findCollectionByNameOrId("staff");
    staff.otp.enabled = false;
    app.save(staff);
  },
);
