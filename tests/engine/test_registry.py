"""Actions run the way rasa_sdk runs them: sync or async, awaiting real work or not."""

import asyncio

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet

from bot.engine.registry import ActionRegistry


class Plain(Action):
    def name(self):
        return "action_plain"

    def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text="sync")
        return [SlotSet("a", 1)]


class Awaits(Action):
    def name(self):
        return "action_awaits"

    async def run(self, dispatcher, tracker, domain):
        await asyncio.sleep(0.01)  # real waiting on the event loop
        dispatcher.utter_message(text="async")
        return [SlotSet("b", 2)]


class Fails(Action):
    def name(self):
        return "action_fails"

    async def run(self, dispatcher, tracker, domain):
        await asyncio.sleep(0)
        raise KeyError("inside")


def tracker() -> Tracker:
    return Tracker("rest:x", {}, {"text": "hi"}, [], False, None, {}, None)


def test_sync_async_and_failing_actions():
    registry = ActionRegistry(None)
    registry.actions.update(
        {"action_plain": Plain(), "action_awaits": Awaits(), "action_fails": Fails()}
    )
    assert registry.run("action_plain", tracker(), {}) == (
        [
            {
                "text": "sync",
                "buttons": [],
                "elements": [],
                "custom": {},
                "template": None,
                "response": None,
                "image": None,
                "attachment": None,
            }
        ],
        [{"event": "slot", "timestamp": None, "name": "a", "value": 1}],
    )
    messages, events = registry.run("action_awaits", tracker(), {})
    assert messages[0]["text"] == "async" and events[0]["value"] == 2
    try:
        registry.run("action_fails", tracker(), {})
    except KeyError as exc:
        assert "inside" in str(exc)
    else:
        raise AssertionError("the action's error was swallowed")
