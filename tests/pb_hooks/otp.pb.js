// The OTP mail of any auth collection is not sent (no e.next()): its code is kept instead, and a
// superuser reads it with GET /api/test/otp/{email}, as a user would read the mail.
onMailerRecordOTPSend((e) => {
  $app.store().set("test-otp:" + e.record.email(), e.meta["password"]);
});

routerAdd(
  "GET",
  "/api/test/otp/{email}",
  (e) => {
    const code = $app.store().get("test-otp:" + e.request.pathValue("email"));
    return e.json(200, { code: code || "" });
  },
  $apis.requireSuperuserAuth(),
);
