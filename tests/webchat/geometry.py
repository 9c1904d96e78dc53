"""Layout checks in real Chromium: phone and desk windows, lines of text, horizontal overflow."""

from __future__ import annotations

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}
WIDTHS = {"phone": PHONE, "desk": DESK}
ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36"
)

# how many lines the first occurrence of `needle` in an element's text is spread over
# (implementation-blind: measures each character, whatever elements hold it; white space
# is skipped)
LINES = r"""(root, needle) => {
  const nodes = [];
  let text = "";
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
  const at = text.indexOf(needle);
  if (at < 0) return -1;
  const lines = [];
  for (let i = at; i < at + needle.length; i++) {
    if (/\s/.test(text[i])) continue;  // collapsed white space has no place of its own
    const [node, start] = nodes.find(([n, s]) => s <= i && i < s + n.data.length);
    const range = document.createRange();
    range.setStart(node, i - start);
    range.setEnd(node, i - start + 1);
    const r = range.getBoundingClientRect();
    const middle = (r.top + r.bottom) / 2;
    if (!lines.some((y) => Math.abs(y - middle) < r.height / 2)) lines.push(middle);
  }
  return lines.length;
}"""

# how far the page is wider than the window (0: no horizontal scroll)
PAGE_OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"

# an element's box, and whether its own content is wider than it (cut or scrolled)
BOX = """(el) => {
  const r = el.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          middle: (r.top + r.bottom) / 2, cut: el.scrollWidth > el.clientWidth + 1};
}"""


def context(browser, size: str, locale: str = "zh-CN", **options):  # noqa: ANN001, ANN201
    """A phone (touch, Android, 390 px) or a desk (1366 px) window."""
    if size == "phone":
        options.update(is_mobile=True, has_touch=True, user_agent=ANDROID)
    return browser.new_context(viewport=WIDTHS[size], locale=locale, **options)


def lines(locator, needle: str | None = None) -> int:  # noqa: ANN001 - a Playwright locator
    return locator.evaluate(LINES, needle if needle is not None else locator.text_content())


def box(locator) -> dict:  # noqa: ANN001 - a Playwright locator
    return locator.evaluate(BOX)


def sign_in(page, url: str, username: str, password: str) -> None:  # noqa: ANN001
    """Through the console's form (the admin pages use the same session)."""
    page.goto(f"{url}/console/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/console")
