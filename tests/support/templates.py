"""Each Jinja template compiled once per test process, not once per app.

Every web test builds an app, and each app makes its own Jinja environments (the console's and
sqladmin's), which compile a template the first time they render it: 5-15 ms of CPU a template,
about 100 ms for the first admin page of a test (docs/benchmarks.md, "Test suite wall time").
In production a process builds one app, so it compiles each template once anyway. Here every
environment of the process is given one bytecode cache (Jinja's own mechanism for this) that
keeps the compiled code of each template: the same code Jinja would compile, as the key holds
all the compiler reads besides the source (the template's name and file, the source's checksum
and the environment's settings, filters and tests); a template whose source changed is
compiled anew.
"""

from __future__ import annotations

import functools
from types import CodeType
from typing import Any

import jinja2
from jinja2.bccache import Bucket
from jinja2.utils import _PassArg


def _passes(functions: dict[str, Any]) -> tuple:
    """What the compiled code of a filter or test call depends on: its name and what it is
    passed (context, eval context, environment or nothing)."""
    return tuple(sorted((name, str(_PassArg.from_obj(f))) for name, f in functions.items()))


def _settings(env: jinja2.Environment) -> tuple:
    """The environment's settings the compiler reads (Jinja's lexer key and more)."""
    autoescape = env.autoescape
    if callable(autoescape):
        autoescape = f"{autoescape.__module__}.{autoescape.__qualname__}"
    finalize = env.finalize
    if finalize is not None:
        finalize = f"{finalize.__module__}.{finalize.__qualname__}"
    return (
        type(env).__qualname__,
        env.code_generator_class.__qualname__,
        env.is_async,
        env.optimized,
        autoescape,
        finalize,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        tuple(sorted(env.extensions)),
        _passes(env.filters),
        _passes(env.tests),
    )


class ProcessCode(jinja2.BytecodeCache):
    """The compiled code of each template, kept in this process (code objects are immutable:
    every environment that loads the template makes its own Template of it)."""

    def __init__(self) -> None:
        self._code: dict[tuple, CodeType] = {}

    def _key(self, bucket: Bucket) -> tuple:
        return (bucket.key, bucket.checksum, _settings(bucket.environment))

    def load_bytecode(self, bucket: Bucket) -> None:
        bucket.code = self._code.get(self._key(bucket))

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[self._key(bucket)] = bucket.code

    def clear(self) -> None:
        self._code.clear()


PROCESS_CODE = ProcessCode()


def compile_each_template_once() -> None:
    """Give every Jinja environment made from now on in this process PROCESS_CODE (unless it
    was made with a bytecode cache of its own)."""
    init = jinja2.Environment.__init__
    if getattr(init, "_process_code", False):
        return

    @functools.wraps(init)
    def __init__(self: jinja2.Environment, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        if self.bytecode_cache is None:
            self.bytecode_cache = PROCESS_CODE

    __init__._process_code = True  # type: ignore[attr-defined]
    jinja2.Environment.__init__ = __init__  # type: ignore[method-assign]
