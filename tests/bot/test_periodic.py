"""The background jobs' loop (bot/core/periodic.py): rounds go on after a failure, and the
last step runs once when the loop stops."""

from __future__ import annotations

import asyncio

from bot.core.periodic import Periodic


def test_a_failing_round_is_logged_and_the_loop_goes_on_then_stops_once(caplog):
    rounds: list[int] = []
    stopped: list[bool] = []

    async def round_() -> None:
        rounds.append(len(rounds))
        if len(rounds) == 2:
            raise RuntimeError("a bad round")

    async def main() -> None:
        job = Periodic("test job", 0.01, round_, lambda: stopped.append(True))
        job.start()
        job.start()  # once only
        for _ in range(200):
            if len(rounds) >= 4:
                break
            await asyncio.sleep(0.01)
        await job.stop()
        await job.stop()  # a second stop does nothing
        assert not job.running

    asyncio.run(main())
    assert len(rounds) >= 4  # the round after the failure ran
    assert stopped == [True]
    assert "test job round failed" in caplog.text


def test_a_failing_last_step_does_not_fail_the_shutdown(caplog):
    async def round_() -> None:
        return None

    def broken_stop() -> None:
        raise RuntimeError("database gone")

    async def main() -> None:
        job = Periodic("job", 10, round_, broken_stop)
        job.start()
        await asyncio.sleep(0)
        await job.stop()

    asyncio.run(main())
    assert "job could not stop cleanly" in caplog.text
