// Dates in /admin read 年-月-日 (2026-12-04) whatever the browser's language. A native
// <input type=date> shows the browser's own format (mm/dd/yyyy in an English Chromium, even
// on a <html lang="zh-CN"> page), so every date box here is a text box:
// - boxes marked data-date (the dashboard, the case filters) are text boxes already;
// - an <input type=date> (wtforms' DateField, e.g. a course's dates) is made one;
// - sqladmin's flatpickr boxes (data-role=datepicker) type Y-m-d, but on a phone flatpickr
//   swaps in a native date box: they are made to keep their own.
// Hand-typed 2026/12/4, 2026.12.4, 2026年12月4日 and 20261204 become 2026-12-04; anything
// else (2026-02-30, 12/04/2026) is explained in Chinese before the form is sent. The server
// checks again (a form sent anyway gets its own Chinese message).
"use strict";

(() => {
  const EXAMPLE = "例：2026-12-04";
  const BAD = "日期格式不对，请按“年-月-日”填写，例如 2026-12-04。";
  const EMPTY = "请填写日期，例如 2026-12-04。";
  const FORMS = [
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/,
    /^(\d{4})(\d{2})(\d{2})$/,
  ];

  // the date typed, as 2026-12-04; null when it is not a day of the calendar
  function tidy(text) {
    const m = FORMS.map((form) => form.exec(text.trim())).find(Boolean);
    if (!m) return null;
    const [y, mo, d] = m.slice(1, 4).map(Number);
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) {
      return null;
    }
    return [y, mo, d].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
  }

  function check(input) {
    const text = input.value.trim();
    if (!text) input.setCustomValidity(input.required ? EMPTY : "");
    else input.setCustomValidity(tidy(text) ? "" : BAD);
  }

  function textBox(input) {
    input.type = "text";
    input.dataset.date = "";
    input.removeAttribute("pattern"); // checked here instead, the tidied forms included
    if (!input.placeholder) input.placeholder = EXAMPLE;
    input.autocomplete = "off";
    input.addEventListener("input", () => check(input));
    input.addEventListener("change", () => {
      input.value = tidy(input.value) || input.value;
      check(input);
    });
    check(input);
  }

  function keepFlatpickrOnPhones(input) {
    const picker = input._flatpickr;
    if (!picker || !picker.isMobile || !window.flatpickr) return;
    const { enableTime, enableSeconds, dateFormat } = picker.config;
    picker.destroy();
    window.flatpickr(input, {
      enableTime, enableSeconds, dateFormat, time_24hr: true, allowInput: true, disableMobile: true,
    });
  }

  document.querySelectorAll('input[type="date"], input[data-date]').forEach(textBox);
  document.querySelectorAll('input[data-role="datepicker"]').forEach((input) => {
    if (!input.placeholder) input.placeholder = EXAMPLE;
  });
  document.querySelectorAll('input[data-role="datepicker"], input[data-role="datetimepicker"]')
    .forEach(keepFlatpickrOnPhones);

  // the form is sent with each date as 2026-12-04 (valid ones only: the browser has already
  // stopped a form with a bad one, unless told not to check)
  document.addEventListener("submit", (event) => {
    event.target.querySelectorAll("input[data-date]").forEach((input) => {
      input.value = tidy(input.value) || input.value;
    });
  }, true);
})();
