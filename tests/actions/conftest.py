"""Fixtures for action tests: a migrated SQLite db with a small catalogue and FAQ, and Services."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from actions.services import Services
from bot.core.clock import Clock
from bot.knowledge.index import Knowledge
from bot.settings import BotConfig
from bot.store.db import Database
from bot.transfer import seed
from intents import RetrievalOptions
from tests.actions.action_support import TODAY
from tests.support.demo import migrated_db

COURSES_YML = """
courses:
  - {code: XF02, name: 书法, category: 幸福学堂, description: 从握笔和基本笔画教起，毛笔硬笔都学。,
     start_date: 2026-12-01, end_date: 2027-01-21, weekdays: [周二, 周四], time_of_day: 晚上,
     time: "19:00-20:30", sessions: 16, venue: 区工人文化宫二楼书画室, capacity: 30, fee: 0,
     status: open, keywords: [书法, 毛笔字, 练字, 写字]}
  - {code: XF05, name: 插花, category: 幸福学堂, description: 花艺老师手把手教插花和包花束。,
     start_date: 2026-12-12, end_date: 2027-01-09, weekdays: [周六], time_of_day: 下午,
     time: "14:30-16:30", sessions: 5, venue: 区职工服务中心二楼活动室, capacity: 2, fee: 0,
     status: open, keywords: [插花, 花艺, 花束]}
  - {code: XF09, name: 太极拳, category: 幸福学堂, description: 二十四式太极拳。,
     start_date: 2026-12-05, end_date: 2027-01-24, weekdays: [周六, 周日], time_of_day: 上午,
     time: "08:00-09:00", sessions: 16, venue: 区体育公园, capacity: 40, fee: 0,
     status: closed, keywords: [太极, 太极拳]}
  - {code: JN01, name: 低压电工证, category: 技能培训, description: 考取特种作业操作证（低压电工）。,
     start_date: 2026-12-05, end_date: 2027-01-17, weekdays: [周六, 周日], time_of_day: 上午,
     time: "09:00-12:00", sessions: 12, venue: 区职业技能实训基地, capacity: 30, fee: 0,
     status: open, keywords: [电工, 电工证, 特种作业]}
  - {code: JN05, name: 叉车操作, category: 技能培训, description: 叉车驾驶理论和实操，考证。,
     start_date: 2026-12-06, end_date: 2027-01-24, weekdays: [周日], time_of_day: 上午,
     time: "09:00-12:00", sessions: 8, venue: 区职业技能实训基地, capacity: 12, fee: 300,
     status: open, keywords: [叉车, 叉车证, 开叉车]}
  - {code: JN06, name: 中式烹调师, category: 技能培训, description: 川菜和家常菜，学做饭考证。,
     start_date: 2026-12-05, end_date: 2027-01-23, weekdays: [周六], time_of_day: 下午,
     time: "14:00-17:00", sessions: 8, venue: 区职业技能实训基地, capacity: 20, fee: 0,
     status: open, keywords: [厨师, 烹饪, 做饭, 炒菜]}
  - {code: QZ02, name: 亲子绘本阅读, category: 亲子活动, description: 带孩子读绘本。,
     start_date: 2026-12-06, end_date: 2027-01-24, weekdays: [周日], time_of_day: 上午,
     time: "10:00-11:00", sessions: 8, venue: 区图书馆少儿阅览室, capacity: 15, fee: 0,
     status: open, keywords: [绘本, 亲子阅读, 孩子]}
  - {code: XL99, name: 去年的大专班, category: 学历提升, description: 已结束。,
     start_date: 2025-09-01, end_date: 2026-06-30, weekdays: [周六], time_of_day: 下午,
     time: "14:00-17:00", sessions: 30, venue: 区职工服务中心, capacity: 60, fee: 1800,
     status: open, keywords: [大专]}
"""

FAQ_YML = """
faq:
  - id: overtime-pay
    category: 工资
    question: 加班费怎么计算？
    alternates: [加班工资怎么算, 周末加班给多少钱, 法定节假日加班几倍工资]
    answer: 工作日延长工作时间支付不低于工资的150%；休息日安排工作又不能补休的支付不低于200%；法定休假日支付不低于300%。
    source: 《中华人民共和国劳动法》第四十四条
  - id: annual-leave
    category: 休假
    question: 带薪年休假有几天？
    alternates: [年假有多少天, 工作一年有没有年假]
    answer: 累计工作满1年不满10年的，年休假5天；满10年不满20年的，10天；满20年的，15天。
    source: 《职工带薪年休假条例》第三条
  - id: injury-recognition
    category: 工伤
    question: 工伤认定申请的时限是多久？
    alternates: [受伤了怎么认定工伤, 工伤认定要在多长时间内申请]
    answer: 用人单位应当自事故伤害发生之日起30日内提出工伤认定申请；用人单位未提出的，职工或其近亲属可以在1年内直接提出。
    source: 《工伤保险条例》第十七条
"""


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = migrated_db(f"sqlite:///{tmp_path / 'actions.db'}")
    yield database
    database.dispose()


@pytest.fixture
def seeded(db: Database, tmp_path: Path) -> Database:
    (tmp_path / "courses.yml").write_text(COURSES_YML, encoding="utf-8")
    (tmp_path / "faq.yml").write_text(FAQ_YML, encoding="utf-8")
    seed.load_courses(db, tmp_path / "courses.yml")
    seed.load_faq(db, tmp_path / "faq.yml")
    return db


class FixedDay(Clock):
    """The union's clock with the date held at TODAY, so course dates stay open in tests."""

    def today(self) -> date:
        return TODAY


@pytest.fixture
def services(seeded: Database) -> Services:
    config = BotConfig()
    knowledge = Knowledge(seeded, RetrievalOptions(**config.retrieval.model_dump()))
    knowledge.reload()
    return Services(db=seeded, knowledge=knowledge, config=config, clock=FixedDay())
