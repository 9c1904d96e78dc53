"""The `wechat:` section of config.yml: the official account's menu, push template, time window."""

from __future__ import annotations

from pydantic import Field, model_validator

from bot.settings.sections import _Section


class WeChatMenuItem(_Section):
    """One custom-menu button: a CLICK button (key + payload) or a group of sub-buttons."""

    name: str
    key: str | None = None
    # what a click means to the bot: a button payload such as /course_search
    payload: str | None = None
    sub_button: list[WeChatMenuItem] = []

    @model_validator(mode="after")
    def _click_or_group(self) -> WeChatMenuItem:
        if self.sub_button:
            if self.key or self.payload:
                raise ValueError(f"{self.name}: a button with sub_button has no key or payload")
            if len(self.sub_button) > 5:
                raise ValueError(f"{self.name}: WeChat allows at most 5 sub-buttons")
            if any(b.sub_button for b in self.sub_button):
                raise ValueError(f"{self.name}: sub-buttons cannot have sub-buttons")
        elif not (self.key and self.payload and self.payload.startswith("/")):
            raise ValueError(f"{self.name}: a CLICK button needs a key and a /payload")
        if self.key and len(self.key.encode()) > 128:
            raise ValueError(f"{self.name}: key longer than 128 bytes")
        if len(self.name.encode()) > 60:
            raise ValueError(f"{self.name}: name longer than 60 bytes")
        return self


def _default_wechat_menu() -> list[WeChatMenuItem]:
    return [
        WeChatMenuItem(name="课程", key="COURSES", payload="/course_search"),
        WeChatMenuItem(name="调解", key="MEDIATION", payload="/mediation_request"),
        WeChatMenuItem(
            name="咨询",
            sub_button=[
                WeChatMenuItem(name="政策咨询", key="POLICY", payload="/policy_question"),
                WeChatMenuItem(name="人工服务", key="HUMAN", payload="/human_handoff"),
            ],
        ),
    ]


class WeChatConfig(_Section):
    """The official account's custom menu and the template used for pushes after 48 hours."""

    menu: list[WeChatMenuItem] = Field(default_factory=_default_wechat_menu)
    # a template with a {{content.DATA}} field; empty: no push outside the 48-hour window
    template_id: str | None = None
    # how far (seconds, either way) a callback's signed timestamp may be from our clock;
    # WeChat sends its current time, so this covers clock drift and its retries
    callback_window_seconds: int = Field(300, ge=30, le=3600)

    @model_validator(mode="after")
    def _menu_shape(self) -> WeChatConfig:
        if not 1 <= len(self.menu) <= 3:
            raise ValueError("WeChat allows 1 to 3 top-level menu buttons")
        for item in self.menu:
            if len(item.name.encode()) > 16:
                raise ValueError(f"{item.name}: top-level name longer than 16 bytes (4 汉字)")
        keys = [b.key for item in self.menu for b in (item.sub_button or [item])]
        if len(keys) != len(set(keys)):
            raise ValueError("menu keys must be unique")
        if not self.template_id:
            self.template_id = None
        return self

    def click_payloads(self) -> dict[str, str]:
        """Menu key -> the payload the bot handles for that click."""
        return {
            b.key: b.payload
            for item in self.menu
            for b in (item.sub_button or [item])
            if b.key and b.payload
        }
