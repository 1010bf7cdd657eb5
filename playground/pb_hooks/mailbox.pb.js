/// <reference path="../pb_data/types.d.ts" />
// The playground's stand-in for an inbox. A local playground has no mail server, so the email
// code of a staff member's OTP sign-in is kept here instead of being sent (no e.next()), and
// GET /api/clinic/mailbox/{email} answers {"code": "...", "sentAt": "..."} for the last one.
//
// Anyone may read it: that is what makes the demo work without mail, and exactly what a real app
// must never do (the code is the proof that the person reads that mailbox).
onMailerRecordOTPSend((e) => {
  if (e.record.collection().name !== "staff") return e.next();
  $app.store().set("clinic-mailbox:" + e.record.email(), JSON.stringify({ code: e.meta["password"], sentAt: new Date().toISOString() }));
});

routerAdd("GET", "/api/clinic/mailbox/{email}", (e) => {
  const kept = $app.store().get("clinic-mailbox:" + e.request.pathValue("email"));
  if (!kept) throw new NotFoundError("No code was sent to this address yet.");
  return e.json(200, JSON.parse(kept));
});
