"""The tests' shared Jinja code (tests/support/templates.py): the same pages, compiled once."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from tests.support.templates import PROCESS_CODE, ProcessCode, compile_each_template_once


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "page.html").write_text("{{ name | shout }}<{{ tag }}>", encoding="utf-8")
    return tmp_path


def _env(folder: Path, cache: ProcessCode, **options: object) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache, **options
    )
    env.filters["shout"] = lambda value: f"{value}!"
    return env


def test_a_second_environment_reuses_the_code_and_renders_the_same(folder: Path) -> None:
    cache = ProcessCode()
    first = _env(folder, cache, autoescape=True)
    assert first.get_template("page.html").render(name="a&b", tag="i") == "a&amp;b!<i>"
    compiled = []
    second = _env(folder, cache, autoescape=True)
    second.compile = lambda *a, **k: (
        compiled.append(a) or jinja2.Environment.compile(second, *a, **k)
    )
    assert second.get_template("page.html").render(name="x", tag="b") == "x!<b>"
    assert compiled == []  # taken from the cache
    # each environment has its own template (its own globals), from the same code
    assert second.get_template("page.html") is not first.get_template("page.html")


def test_other_settings_or_a_changed_source_compile_anew(folder: Path) -> None:
    cache = ProcessCode()
    assert (
        _env(folder, cache, autoescape=True).get_template("page.html").render(name="<", tag="p")
        == "&lt;!<p>"
    )
    # without autoescape the code differs: not served the escaping code
    assert _env(folder, cache).get_template("page.html").render(name="<", tag="p") == "<!<p>"
    (folder / "page.html").write_text("[{{ tag }}]", encoding="utf-8")
    assert _env(folder, cache, autoescape=True).get_template("page.html").render(tag="p") == "[p]"


def test_environments_of_the_test_process_share_it(folder: Path) -> None:
    compile_each_template_once()  # done by tests/conftest.py; a second call changes nothing
    assert jinja2.Environment().bytecode_cache is PROCESS_CODE
    own = ProcessCode()
    assert jinja2.Environment(bytecode_cache=own).bytecode_cache is own
