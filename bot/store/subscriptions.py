"""Which workers asked to hear about which topics (新课程, 政策解读, 活动通知)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.store.models import TOPIC_LABELS, Subscription


def topics_of(s: Session, channel: str, sender_id: str) -> list[str]:
    """The worker's topics, in the order of TOPIC_LABELS."""
    found = set(
        s.scalars(
            select(Subscription.topic).where(
                Subscription.channel == channel, Subscription.sender_id == sender_id
            )
        )
    )
    return [t for t in TOPIC_LABELS if t in found]


def subscribe(s: Session, channel: str, sender_id: str, topic: str) -> bool:
    """Add the topic; False when the worker already had it (one worker's turns run one at a
    time, so no two of their own subscriptions race)."""
    if topic not in TOPIC_LABELS:
        raise ValueError(f"unknown topic {topic!r}")
    if topic in topics_of(s, channel, sender_id):
        return False
    s.add(Subscription(channel=channel, sender_id=sender_id, topic=topic))
    s.flush()
    return True


def unsubscribe(s: Session, channel: str, sender_id: str, topic: str | None) -> list[str]:
    """Remove one topic, or every topic with None; the topics removed."""
    had = topics_of(s, channel, sender_id)
    gone = [t for t in had if topic is None or t == topic]
    if gone:
        s.execute(
            delete(Subscription).where(
                Subscription.channel == channel,
                Subscription.sender_id == sender_id,
                Subscription.topic.in_(gone),
            )
        )
    return gone


def subscribers(s: Session, topic: str) -> list[tuple[str, str]]:
    """(channel, sender id) of everyone subscribed to the topic, oldest first."""
    return [
        (c, w)
        for c, w in s.execute(
            select(Subscription.channel, Subscription.sender_id)
            .where(Subscription.topic == topic)
            .order_by(Subscription.id)
        )
    ]
