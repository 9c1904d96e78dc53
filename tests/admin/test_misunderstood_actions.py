"""What each admin action on a group does: FAQ draft, alternates, training examples, ignore."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from bot.app import App, create_app
from bot.misunderstood import groups, operations
from bot.misunderstood.operations import ActionRefused
from bot.nlu import model as nlu_model
from bot.nlu import retrain
from bot.settings import Settings
from bot.store import misunderstood as collect
from bot.store.audit import KNOWLEDGE_VERSION
from bot.store.db import Database
from bot.store.models import (
    MISS_FALLBACK,
    MISS_IGNORED,
    MISS_OPEN,
    MISS_RESOLVED,
    FaqEntry,
    FaqRevision,
    MisunderstoodMessage,
)
from bot.transfer import seed
from intents import load_training_data

ROOT = Path(__file__).resolve().parents[2]
TAUGHT = ["整点耍事", "耍事整起"]  # Chongqing for "something fun to do": not yet a course search


def own_settings(tmp_path: Path, model_dir: Path) -> Settings:
    """A private copy of data/ and of the trained models: tests write training data."""
    data, models = tmp_path / "data", tmp_path / "models"
    if not data.exists():
        shutil.copytree(ROOT / "data", data)
        shutil.copytree(model_dir, models)
    return Settings.load(
        ROOT / "config.yml",
        workerbot_database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        workerbot_model_dir=models,
        workerbot_data_dir=data,
    )


def start(settings: Settings) -> App:
    """An App on the settings' database (migrated and seeded once)."""
    db = Database(settings.database_url)
    if db.current_revision() is None:
        db.upgrade()
        seed.load_courses(db, settings.data_dir / "courses.yml")
        seed.load_faq(db, settings.data_dir / "faq.yml")
    db.dispose()
    return create_app(settings, train_if_missing=True)


@pytest.fixture
def app(tmp_path: Path, model_dir: Path) -> Iterator[App]:
    made = start(own_settings(tmp_path, model_dir))
    yield made
    made.db.dispose()


def add(
    app: App, *texts: str, reason: str = MISS_FALLBACK, faq_slug: str | None = None
) -> list[int]:
    rows = [collect.miss_row(None, "rest", t, reason, faq_slug=faq_slug) for t in texts]
    with app.db.write_lock(), app.db.engine.begin() as conn:
        collect.record(conn, rows)
    with app.db.read() as s:
        return list(
            s.scalars(
                select(MisunderstoodMessage.id)
                .order_by(MisunderstoodMessage.id.desc())
                .limit(len(texts))
            )
        )[::-1]


def item(app: App, mid: int) -> MisunderstoodMessage:
    with app.db.read() as s:
        return s.get(MisunderstoodMessage, mid)


def entry(app: App, slug: str) -> FaqEntry:
    with app.db.read() as s:
        return s.scalar(select(FaqEntry).where(FaqEntry.slug == slug))


def test_a_new_faq_draft_is_prefilled_disabled_and_recorded(app):
    ids = add(app, "工会会费交多少", "工会会费怎么交", "工会会费交多少？", "工会会费交多少")
    keep = add(app, "阿巴阿巴")
    entry_id, slug = operations.create_faq_draft(app.db, ids, "root")
    draft = entry(app, slug)
    assert draft.id == entry_id and slug == f"draft-{ids[0]}"
    assert draft.question == "工会会费交多少"  # the most frequent phrasing
    assert draft.alternates == ["工会会费怎么交"]
    assert (draft.enabled, draft.answer, draft.category) == (
        False,
        "",
        operations.DRAFT_CATEGORY,
    )
    with app.db.read() as s:
        [rev] = s.scalars(select(FaqRevision).where(FaqRevision.slug == slug)).all()
    assert (rev.action, rev.actor) == ("create", "root")
    for mid in ids:
        done = item(app, mid)
        assert (done.status, done.resolved_by) == (MISS_RESOLVED, "root")
        assert slug in done.resolution and done.resolved_at is not None
    assert item(app, keep[0]).status == MISS_OPEN
    # a second draft from other messages gets its own slug; the open list lost the first group
    assert [g.count for g in groups.GroupCache().groups(app.db)] == [1]
    with pytest.raises(ActionRefused, match="已经被处理"):
        operations.create_faq_draft(app.db, ids, "root")


def test_questions_become_alternates_with_a_revision_and_take_effect(app):
    before = entry(app, "leave_annual_days")
    other = entry(app, "wage_housing_fund")
    watcher = app.version_watcher()
    watcher.seen = watcher.read()
    new = "一年能歇几天带薪假"
    ids = add(app, new, before.question, other.question, faq_slug="leave_annual_days")
    done = operations.add_alternates(app.db, ids, "leave_annual_days", "root")
    assert done.added == [new]
    assert done.already == [before.question]
    assert done.elsewhere == {other.question: "wage_housing_fund"}  # not copied across
    after = entry(app, "leave_annual_days")
    assert after.alternates == [*before.alternates, new]
    with app.db.read() as s:
        revs = s.scalars(
            select(FaqRevision)
            .where(FaqRevision.slug == "leave_annual_days")
            .order_by(FaqRevision.id)
        ).all()
    assert revs[-1].actor == "root" and new in revs[-1].snapshot["alternates"]
    assert new not in revs[0].snapshot["alternates"]  # the old text is kept
    # every process rebuilds its FAQ index when the stamp moves: the new phrasing finds it
    assert KNOWLEDGE_VERSION in watcher.check()
    assert app.knowledge.search(new, 1)[0].answer.slug == "leave_annual_days"
    assert all(item(app, m).status == MISS_RESOLVED for m in ids)


def test_alternates_of_an_unknown_entry_are_refused_and_nothing_changes(app):
    ids = add(app, "一年能歇几天带薪假")
    with pytest.raises(ActionRefused, match="找不到"):
        operations.add_alternates(app.db, ids, "no-such-entry", "root")
    with pytest.raises(ActionRefused, match="请选择"):
        operations.add_alternates(app.db, ids, "", "root")
    assert item(app, ids[0]).status == MISS_OPEN


def test_ignore_takes_messages_off_the_list_only(app):
    ids = add(app, "阿巴阿巴", "哦哦哦")
    assert operations.ignore(app.db, ids[:1], "root") == 1
    assert (item(app, ids[0]).status, item(app, ids[0]).resolution) == (MISS_IGNORED, "已忽略")
    assert item(app, ids[1]).status == MISS_OPEN
    with pytest.raises(ActionRefused):
        operations.ignore(app.db, [], "root")
    with pytest.raises(ActionRefused):
        operations.ignore(app.db, ids[:1], "root")  # already handled


def test_taught_examples_are_written_retrained_and_published_to_every_process(app, tmp_path):
    later = start(app.settings)  # another server process, started before the retrain
    before = app.nlu.parse(TAUGHT[0])["intent"]["name"]
    assert before != "course_search"
    curated = (app.settings.data_dir / "nlu.yml").read_bytes()
    ids = add(app, *TAUGHT)
    written = operations.teach_intent(app.db, app.settings, ids, "course_search", "root")
    assert written.added == TAUGHT and written.duplicates == []
    again = operations.teach_intent(
        app.db, app.settings, add(app, "整点耍事！"), "course_search", "root"
    )
    assert again.added == [] and again.duplicates == ["整点耍事！"]
    # Rasa 3 training data in its own file; data/nlu.yml untouched
    learned = nlu_model.learned_file(app.settings)
    assert yaml.safe_load(learned.read_text(encoding="utf-8"))["version"] == "3.1"
    examples = load_training_data([learned]).examples
    assert [(e.text, e.intent) for e in examples] == [(t, "course_search") for t in TAUGHT]
    assert (app.settings.data_dir / "nlu.yml").read_bytes() == curated
    assert all(item(app, m).status == MISS_RESOLVED for m in ids)

    trainer = app.retrainer()
    trainer.request()
    assert trainer.wait(timeout=300)
    assert retrain.status(app.db)["state"] == "succeeded"
    name = retrain.published(app.db)
    assert name == nlu_model.model_name(app.settings) == nlu_model.name_of(app.nlu)
    assert app.nlu.parse(TAUGHT[0])["intent"]["name"] == "course_search"
    assert app.engine.nlu is app.nlu and app.nlu.courses  # course names kept
    # the process started earlier loads the published model on its next version check
    assert later.nlu.parse(TAUGHT[0])["intent"]["name"] != "course_search"
    watcher = later.version_watcher()
    watcher.seen = {retrain.MODEL_VERSION: None}
    assert retrain.MODEL_VERSION in watcher.check()
    assert later.nlu.parse(TAUGHT[0])["intent"]["name"] == "course_search"
    assert later.engine.nlu is later.nlu
    # a process started now finds the same model by its fingerprint
    fresh = create_app(app.settings)
    assert fresh.nlu.parse(TAUGHT[1])["intent"]["name"] == "course_search"
    for other in (later, fresh):
        other.db.dispose()


def test_conflicting_and_duplicate_examples_are_not_written(app):
    ids = add(app, "你好")
    written = operations.teach_intent(app.db, app.settings, ids, "course_search", "root")
    assert written.added == [] and written.conflicts == {"你好": "greet"}
    assert not nlu_model.learned_file(app.settings).exists()
    assert item(app, ids[0]).status == MISS_OPEN  # still there for another action
    with pytest.raises(ActionRefused, match="意图"):
        operations.teach_intent(app.db, app.settings, add(app, "x"), "faq_feedback", "root")


def test_a_failed_retrain_keeps_the_old_model_and_says_so(app):
    serving = app.nlu
    learned = nlu_model.learned_file(app.settings)
    learned.write_text("nlu: [this is: not, valid", encoding="utf-8")
    trainer = app.retrainer()
    assert trainer.run_once() is False
    state = retrain.status(app.db)
    assert state["state"] == "failed" and state["detail"]
    assert app.nlu is serving and retrain.published(app.db) is None
