// The admin's date pickers in Chinese (vendor/flatpickr/zh.js), weeks from Monday, set before
// sqladmin's main.js creates them.
"use strict";
if (window.flatpickr && window.flatpickr.l10ns && window.flatpickr.l10ns.zh) {
  window.flatpickr.localize(Object.assign({}, window.flatpickr.l10ns.zh, { firstDayOfWeek: 1 }));
}
