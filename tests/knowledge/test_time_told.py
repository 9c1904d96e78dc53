"""An entry about a year of work or more is put back for a worker who told less."""

from __future__ import annotations


def test_less_than_a_year_told_puts_the_year_entry_back(bot):
    top = bot.knowledge.search("在厂里上了四个月班 一直没签合同", 3)[0].answer.slug
    assert top == "contract_sign_deadline"
    # more than a year told, or nothing told: the words decide
    assert bot.knowledge.search("干了两年了还是没签合同", 3)[0].answer.slug == "contract_over_1year"
