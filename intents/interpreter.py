"""The NLU entry point: train, save/load and parse messages into Rasa's parse shape."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import orjson

from intents.classifier import IntentClassifier
from intents.course_rules import (
    asks_about_a_course,
    certificate_course_asked,
    enrolment_without_course,
    names_a_class,
    wants_to_learn,
)
from intents.entities import EntityExtractor

# (below UNSURE_REQUEST_CONFIDENCE, a `mediation_request` that asks something and asks for no
# help is a question)
from intents.forced_intents import UNSURE_REQUEST_CONFIDENCE, forced_intent
from intents.foreign import pinyin_words_of, read_foreign, use_pinyin_words
from intents.greetings import follow_up_not_greeting, without_aside, without_greeting
from intents.handoff_cues import negated_handoff
from intents.normalise import collapse_spaces, fold, match_form
from intents.options import CourseRef, NLUOptions
from intents.overrides import parse_payload
from intents.question_cues import about_privacy, announces_a_question, asks_rather_than_files
from intents.request_cues import mediation_without_dispute
from intents.retrieval import RetrievalOptions
from intents.training_data import TrainingData, load_training_data

__all__ = ["CourseRef", "Interpreter", "NLUOptions", "RetrievalOptions", "fingerprint"]

FALLBACK = "nlu_fallback"
RULE_INTENTS = ("human_handoff", "cancel", "mediation_request", "policy_question")
MODEL_FORMAT = (
    5  # bump when the saved layout or the features change (3: English, pinyin; 4: more English;
    # 5: the pinyin words of the examples)
)
RANKING_LENGTH = 10
# what a question about a named course is sometimes read as
COURSE_MISREADS = ("course_enroll", "help")
# intents a question about a class named by its name is read as when the classifier is unsure
CLASS_MISREADS = ("policy_question", "out_of_scope")
GREETED_QUESTION_CONFIDENCE = 0.6


def fingerprint(nlu_files: list[Path], options: NLUOptions) -> str:
    """sha256 of the training files' bytes and the options, to tell a stale saved model."""
    digest = hashlib.sha256(f"workerbot-nlu/{MODEL_FORMAT}\n".encode())
    for path in nlu_files:
        content = Path(path).read_bytes()
        digest.update(len(content).to_bytes(8, "big"))
        digest.update(content)
    digest.update(json.dumps(options.to_dict(), sort_keys=True).encode())
    return digest.hexdigest()


class Interpreter:
    """Intent classification + entity extraction with Rasa's fallback semantics."""

    def __init__(
        self,
        classifier: IntentClassifier,
        data: TrainingData,
        options: NLUOptions,
        fingerprint: str = "",
        trained_at: str = "",
        pinyin_words: dict[str, str] | None = None,
    ) -> None:
        self.classifier = classifier
        self.options = options
        self.fingerprint = fingerprint
        self.trained_at = trained_at
        self.lexicon = TrainingData(
            synonyms=data.synonyms,
            lookups=data.lookups,
            regexes=data.regexes,
            examples=_entity_examples(data),
        )
        self.extractor = EntityExtractor(self.lexicon)
        # pinyin read as the words the examples use (intents/foreign.py); a loaded model
        # brings the table its training made
        self.pinyin_words = (
            pinyin_words
            if pinyin_words is not None
            else pinyin_words_of([e.text for e in data.examples])
        )
        use_pinyin_words(self.pinyin_words)
        self.courses: list[CourseRef] = []
        self.intents = sorted(set(classifier.classes) | set(RULE_INTENTS))
        self.extractor.extract("两万五", today=date(2026, 1, 1))  # pay lazy imports (cn2an) now

    @classmethod
    def train(cls, nlu_files: list[Path], options: NLUOptions | None = None) -> Interpreter:
        """Fit the classifier and entity gazetteers on Rasa NLU YAML files."""
        options = options or NLUOptions()
        data = load_training_data(nlu_files)
        if not data.examples:
            raise ValueError(f"no intent examples in {[str(p) for p in nlu_files]}")
        return cls.from_training_data(data, options, fingerprint(nlu_files, options))

    @classmethod
    def from_training_data(
        cls, data: TrainingData, options: NLUOptions, fingerprint: str = ""
    ) -> Interpreter:
        """Fit on already-loaded data (cross-validation folds, tests)."""
        texts = [match_form(e.text)[: options.max_classify_chars] for e in data.examples]
        labels = [e.intent for e in data.examples]
        classifier = IntentClassifier(
            options.ngram_min, options.ngram_max, options.analyzer, options.C
        ).fit(texts, labels)
        trained_at = datetime.now(UTC).isoformat(timespec="seconds")
        return cls(classifier, data, options, fingerprint, trained_at)

    def set_courses(self, courses: list[CourseRef]) -> None:
        """Teach the extractor the live course catalogue (names and keywords)."""
        self.courses = list(courses)
        self.extractor.set_courses(self.courses)

    def save(self, directory: Path) -> Path:
        """Write metadata.json + arrays.npz (no pickle) into `directory`; returns it."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        clf_meta, arrays = self.classifier.get_state()
        meta = {
            "format": MODEL_FORMAT,
            "fingerprint": self.fingerprint,
            "trained_at": self.trained_at,
            "intents": self.intents,
            "options": self.options.to_dict(),
            "classifier": clf_meta,
            "synonyms": self.lexicon.synonyms,
            "lookups": self.lexicon.lookups,
            "regexes": self.lexicon.regexes,
            "annotated": [[e.text, e.intent, e.entities] for e in self.lexicon.examples],
            "courses": [vars(c) for c in self.courses],
            "pinyin_words": self.pinyin_words,
        }
        np.savez(directory / "arrays.npz", **arrays)
        (directory / "metadata.json").write_bytes(orjson.dumps(meta, option=orjson.OPT_INDENT_2))
        return directory

    @classmethod
    def load(cls, directory: Path) -> Interpreter:
        """Rebuild an interpreter saved by `save` (fast: no sklearn import)."""
        from intents.training_data import Example

        directory = Path(directory)
        meta = orjson.loads((directory / "metadata.json").read_bytes())
        if meta.get("format") != MODEL_FORMAT:
            raise ValueError(
                f"model in {directory} has format {meta.get('format')}, "
                f"expected {MODEL_FORMAT}: retrain"
            )
        with np.load(directory / "arrays.npz") as npz:
            arrays = {k: npz[k] for k in npz.files}
        classifier = IntentClassifier.from_state(meta["classifier"], arrays)
        data = TrainingData(
            examples=[Example(t, i, e) for t, i, e in meta["annotated"]],
            synonyms=meta["synonyms"],
            lookups=meta["lookups"],
            regexes=meta["regexes"],
        )
        interp = cls(
            classifier,
            data,
            NLUOptions.from_dict(meta["options"]),
            meta["fingerprint"],
            meta["trained_at"],
            pinyin_words=meta.get("pinyin_words"),
        )
        if meta.get("courses"):
            interp.set_courses([CourseRef(**c) for c in meta["courses"]])
        return interp

    def parse(self, text: str, today: date | None = None) -> dict:
        """Rasa `/model/parse`-shaped result for one message."""
        original = text if isinstance(text, str) else ""
        if not original.strip():
            return _result(original, FALLBACK, 0.0, [(FALLBACK, 0.0)], [])
        if original.strip().startswith("/"):
            payload = parse_payload(original)
            if payload is not None:
                return self._parse_payload(original, *payload)
        folded = fold(original)
        entities = self.extractor.extract(original, folded, today)
        entities += self._foreign_entities(original, folded, entities, today)
        norm = without_aside(collapse_spaces(folded))
        limit = self.options.max_classify_chars
        ranking = self.classifier.rank(match_form(norm[:limit]))[:RANKING_LENGTH]
        asked = without_greeting(norm)
        if asked != norm:  # "你好，请问加班费按几倍算": the question, when it is a clear one
            after = self.classifier.rank(match_form(asked[:limit]))[:RANKING_LENGTH]
            if (
                after
                and after[0][1] >= GREETED_QUESTION_CONFIDENCE
                and after[0][0] not in ("greet", "thanks", "affirm", "deny", "goodbye")
            ):
                ranking = after
        if ranking and ranking[0][0] == "human_handoff" and negated_handoff(norm):
            ranking = ranking[1:] + ranking[:1]  # 不用转人工: anything but a handoff
        if ranking and ranking[0][0] == "ask_privacy" and not about_privacy(norm):
            # "问我们愿不愿意跟过去": no word of who may know, no question of privacy
            ranking = ranking[1:] + ranking[:1]
        # "那女工人呢" read as a greeting: a follow-up the classifier cannot read, for the
        # fallback to read against the conversation (the last answer, the courses in view)
        unread = bool(ranking) and (
            (ranking[0][0] == "greet" and follow_up_not_greeting(norm))
            or (ranking[0][0] == "course_enroll" and enrolment_without_course(norm, entities))
            or (
                ranking[0][0] == "mediation_request"
                and ranking[0][1] < UNSURE_REQUEST_CONFIDENCE
                and mediation_without_dispute(norm, entities)
            )
        )
        if ranking and (
            (ranking[0][0] in COURSE_MISREADS and asks_about_a_course(norm, entities))
            or (
                ranking[0][0] == "out_of_scope"
                and wants_to_learn(norm)
                and asks_about_a_course(norm, entities)
            )
            or (
                ranking[0][1] < self.options.fallback_threshold
                and asks_about_a_course(norm, entities, by_name=True)
            )
            or (
                # "叉车证哪里可以考 …": where to take a course's certificate
                ranking[0][0] in CLASS_MISREADS
                and ranking[0][1] < UNSURE_REQUEST_CONFIDENCE
                and certificate_course_asked(norm, entities)
            )
            or (
                # "插花班一期收好多人" read, unsure, as a fee question of policy
                ranking[0][0] in CLASS_MISREADS
                and ranking[0][1] < UNSURE_REQUEST_CONFIDENCE
                and names_a_class(norm, entities)
                and asks_about_a_course(norm, entities, by_name=True)
            )
        ):
            # "养老护理那个呢", "小苗成长营是干啥的": about the course it names
            conf = max(ranking[0][1], self.options.fallback_threshold)
            ranking = [("course_followup", conf)] + [
                r for r in ranking if r[0] != "course_followup"
            ][: RANKING_LENGTH - 1]
            unread = False
        if (
            ranking
            and (
                (
                    ranking[0][0] == "mediation_request"
                    and (
                        ranking[0][1] < UNSURE_REQUEST_CONFIDENCE
                        or announces_a_question(norm.replace(" ", ""))
                    )
                )
                # "装修公司欠了我三个月工资 一共15600 我已经离职4个月了 还能要回来不": figures
                # told, read as details given, but a dispute asked about
                or (
                    ranking[0][0] == "inform"
                    and any(e.get("entity") == "dispute_type" for e in entities)
                )
            )
            and any(r[0] == "policy_question" for r in ranking[1:3])
            and asks_rather_than_files(norm.replace(" ", ""))
        ):
            policy = next(r for r in ranking if r[0] == "policy_question")
            ranking = [("policy_question", max(ranking[0][1], policy[1]))] + [
                r for r in ranking if r[0] != "policy_question"
            ][: RANKING_LENGTH - 1]
        if _named_alone(original, entities):
            # "八段锦": a course named and nothing else is asked about first, not enrolled in
            ranking = [("course_search", 1.0)] + [r for r in ranking if r[0] != "course_search"][
                : RANKING_LENGTH - 1
            ]
            return _result(original, "course_search", 1.0, ranking, entities)
        forced = forced_intent(norm, entities, ranking)
        if forced is not None:
            ranking = [(forced, 1.0)] + [r for r in ranking if r[0] != forced][: RANKING_LENGTH - 1]
            return _result(original, forced, 1.0, ranking, entities)
        top_name, top_conf = ranking[0]
        second = ranking[1][1] if len(ranking) > 1 else 0.0
        opts = self.options
        if (
            unread
            or top_conf < opts.fallback_threshold
            or top_conf - second < opts.ambiguity_threshold
        ):
            ranking = [(FALLBACK, opts.fallback_threshold)] + ranking
            return _result(original, FALLBACK, opts.fallback_threshold, ranking, entities)
        return _result(original, top_name, top_conf, ranking, entities)

    def _foreign_entities(
        self, original: str, folded: str, found: list[dict], today: date | None
    ) -> list[dict]:
        """Entities of an English or pinyin message, read from the Chinese it means; they
        span the whole message (a translation keeps no character offsets)."""
        chinese = read_foreign(folded)
        if chinese == folded:
            return []
        known = {e["entity"] for e in found}
        extra = []
        for e in self.extractor.extract(chinese, chinese, today):
            if e["entity"] not in known:
                extra.append(e | {"start": 0, "end": len(original), "extractor": "foreign"})
        return extra

    def _parse_payload(
        self, text: str, intent: str, confidence: float | None, entities: list[dict]
    ) -> dict:
        """A button payload: the named intent at confidence 1.0 (unknown intent -> fallback)."""
        if intent not in self.intents and intent != FALLBACK:
            return _result(text, FALLBACK, 0.0, [(FALLBACK, 0.0)], [])
        conf = 1.0 if confidence is None else confidence
        return _result(text, intent, conf, [(intent, conf)], entities)


# what may stand beside a course's name in a message that only names it
_BESIDE_A_NAME = re.compile(r"[\s，,。.!！?？~～呢嘛吧啊哦哈呀的那个这个班课程]*")


def _named_alone(text: str, entities: list[dict]) -> bool:
    """The message is a course's name alone ("八段锦", "书法班呢")."""
    spans = [
        (e["start"], e["end"])
        for e in entities
        if e.get("entity") == "course_name"
        and isinstance(e.get("start"), int)
        # (an English or pinyin message's entities span all of it: read from its meaning)
        and e.get("extractor") != "foreign"
    ]
    if not spans:
        return False
    rest = text
    for start, end in sorted(spans, reverse=True):
        rest = rest[:start] + rest[end:]
    return _BESIDE_A_NAME.fullmatch(rest) is not None


def _entity_examples(data: TrainingData):
    """Only annotated examples matter to the extractor; keep those (smaller saved model)."""
    return [e for e in data.examples if e.entities]


def _result(text: str, intent: str, confidence: float, ranking, entities: list[dict]) -> dict:
    """Assemble the Rasa parse dict with confidences rounded to 4 places."""
    return {
        "text": text,
        "intent": {"name": intent, "confidence": round(float(confidence), 4)},
        "intent_ranking": [{"name": n, "confidence": round(float(c), 4)} for n, c in ranking],
        "entities": entities,
    }
