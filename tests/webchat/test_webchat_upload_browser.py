"""The web chat's upload button in real Chromium: a multipart POST, the bot's answer shown."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.store.models import Evidence
from tests.evidence.samples import HTML, jpeg, open_case

TIMEOUT = 8000


def test_a_worker_sends_a_photo_and_a_fake_one_from_the_phone(
    bot, server, browser, artifacts: Path, tmp_path: Path
):
    photo = tmp_path / "工资条.jpg"
    photo.write_bytes(jpeg("navy", (900, 1200)))
    fake = tmp_path / "截图.jpg"
    fake.write_bytes(HTML)
    ctx = browser.new_context(viewport={"width": 390, "height": 780}, locale="zh-CN")
    try:
        chat = ctx.new_page()
        chat.set_default_timeout(TIMEOUT)
        chat.goto(f"{server.url}/chat")
        chat.locator("body[data-ready='1']").wait_for()
        sender = chat.evaluate("localStorage.getItem('workerbot.sender')")
        with bot.db.session() as s:
            case_no = open_case(s, "web", sender).case_no

        # the + button opens the phone's picker; the chosen file goes up as multipart
        with chat.expect_file_chooser() as chooser:
            chat.locator("#attach").click()
        with chat.expect_request("**/chat/api/upload") as sent:
            chooser.value.set_files(str(photo))
        request = sent.value
        assert request.method == "POST"
        assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
        chat.locator(".msg.user", has_text="[文件] 工资条.jpg").wait_for()
        confirmed = chat.locator(".msg.bot", has_text=f"已附到案件 {case_no}")
        confirmed.wait_for()
        assert "已收到您的材料「工资条.jpg」" in confirmed.inner_text()

        # a web page renamed .jpg is refused in Chinese, and nothing of it is kept
        chat.set_input_files("#file", str(fake))
        chat.locator(".msg.bot", has_text="只能收图片").wait_for()
        chat.screenshot(path=str(artifacts / "webchat-upload.png"), full_page=True)

        # the composer still fits a phone: the input keeps most of the row
        row = chat.locator("#composer").bounding_box()
        field = chat.locator("#input").bounding_box()
        assert field["width"] > row["width"] * 0.5
    finally:
        ctx.close()
    with bot.db.read() as s:
        (row,) = s.scalars(select(Evidence)).all()
    assert row.original_name == "工资条.jpg" and row.channel == "web"
    assert (bot.settings.evidence_dir / row.stored_name).read_bytes() == photo.read_bytes()
