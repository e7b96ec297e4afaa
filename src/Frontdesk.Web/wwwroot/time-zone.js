// Tells Frontdesk the browser's time zone, so pages show times on the reader's clock when their
// profile names none. A cookie, read by the server on the next page; nothing else is sent.
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone.length > 64) return;
  var current = document.cookie.split('; ').find(function (c) { return c.indexOf('fd-tz=') === 0; });
  if (current === 'fd-tz=' + encodeURIComponent(zone)) return;
  document.cookie = 'fd-tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax';
})();
