"""configure_logging: every logger of the process goes through the mask."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import logging, logging.config, sys
    import uvicorn.config
    # uvicorn's default configuration first, as `uvicorn --factory` leaves it
    logging.config.dictConfig(uvicorn.config.LOGGING_CONFIG)
    from bot.core.logs import configure_logging
    configure_logging()
    # a library that brings its own handler and formatter
    lib = logging.getLogger("somelib")
    own = logging.StreamHandler(sys.stderr)
    own.setFormatter(logging.Formatter("LIB %(message)s"))
    lib.addHandler(own)
    lib.propagate = False

    class Row:
        def __repr__(self):
            return "Row(phone='13812345678')"

    logging.getLogger("uvicorn.error").error("uvicorn says 13812345678")
    logging.getLogger("uvicorn.access").warning('%s - "%s %s HTTP/%s" %d',
        "1.2.3.4", "GET", "/chat?phone=13812345678", "1.1", 200)
    lib.warning("library %s %r", "13912345678", Row())
    try:
        raise ValueError("身份证11010519491231002X")
    except ValueError:
        lib.exception("failed")
        logging.getLogger("bot").exception("failed")
    logging.getLogger("bot").info("update_id=17912343396")
    """
)


def test_every_logger_is_masked():
    r = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    for raw in ("13812345678", "13912345678", "11010519491231002X"):
        assert raw not in out, out
    assert "uvicorn says 138****5678" in out
    assert "LIB library 139****5678 Row(phone='138****5678')" in out
    assert out.count("110105********002X") == 2  # both tracebacks
    assert "update_id=17912343396" in out  # an id, not a phone
