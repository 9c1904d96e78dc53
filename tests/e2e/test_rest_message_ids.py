"""Message ids are per sender on the REST webhook (SQLite; tests/postgres has the same)."""

from tests.e2e.message_ids import another_sender_reuses_an_id, many_senders_one_id_at_once


def test_another_senders_message_id_never_returns_their_answer(bot, http):
    another_sender_reuses_an_id(bot, http, "rest-ids")


def test_twenty_senders_with_the_same_message_id_at_once_are_all_answered(bot, server):
    many_senders_one_id_at_once(bot, server.url, "rest-same")
