import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from intents.classifier import IntentClassifier
from intents.features import TfidfFeatures, char_ngrams

TEXTS = [
    "加班费怎么算",
    "年假有几天",
    "工伤怎么认定",
    "试用期最长多久",
    "我想学书法",
    "有哪些课程",
    "周末有没有免费的课",
    "晚上有课吗",
    "你好",
    "在吗",
    "您好呀",
    "hello there",
]
LABELS = ["policy"] * 4 + ["course"] * 4 + ["greet"] * 4


@pytest.mark.parametrize("analyzer", ["char", "char_wb"])
def test_features_match_sklearn(analyzer):
    texts = TEXTS + ["a  b c", "x"]
    ours = TfidfFeatures.fit(texts, 1, 3, analyzer)
    ref = TfidfVectorizer(analyzer=analyzer, ngram_range=(1, 3), sublinear_tf=True).fit(texts)
    assert ours.vocabulary == ref.vocabulary_
    assert np.allclose(ours.idf, ref.idf_)
    probe = "周末加班费 怎么算算算"
    idx, w = ours.transform_one(probe)
    dense = np.zeros(len(ours.vocabulary))
    dense[idx] = w
    assert np.allclose(dense, ref.transform([probe]).toarray()[0])
    assert sorted(char_ngrams("ab  cd", 1, 3, analyzer)) == sorted(ref.build_analyzer()("ab  cd"))


def test_rank_matches_sklearn_predict_proba():
    clf = IntentClassifier(1, 3, "char_wb", C=10).fit(TEXTS, LABELS)
    # a reference fitted with lbfgs to a tight tolerance: the same optimum, another solver
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True)
    x = vec.fit_transform(TEXTS)
    ref = LogisticRegression(C=10, class_weight="balanced", max_iter=5000, tol=1e-8).fit(x, LABELS)
    for probe in ["加班费咋算", "有啥子课", "你好啊", "完全无关的话"]:
        expected = ref.predict_proba(vec.transform([probe]))[0]
        got = dict(clf.rank(probe))
        for name, p in zip(ref.classes_, expected, strict=True):
            assert got[name] == pytest.approx(p, abs=2e-3)


def test_rank_sorted_and_sums_to_one():
    clf = IntentClassifier().fit(TEXTS, LABELS)
    ranking = clf.rank("加班费怎么算")
    assert ranking[0][0] == "policy"
    assert [c for _, c in ranking] == sorted((c for _, c in ranking), reverse=True)
    assert sum(c for _, c in ranking) == pytest.approx(1.0)
    assert clf.rank("")[0][1] < 0.6  # no features: the priors only


def test_binary_and_single_class():
    clf = IntentClassifier().fit(
        ["你好", "在吗", "谢谢", "多谢"], ["greet", "greet", "thanks", "thanks"]
    )
    assert clf.rank("谢谢你")[0][0] == "thanks"
    assert len(clf.rank("谢谢你")) == 2
    one = IntentClassifier().fit(["你好"], ["greet"])
    assert one.rank("随便") == [("greet", 1.0)]


def test_state_round_trip():
    clf = IntentClassifier().fit(TEXTS, LABELS)
    meta, arrays = clf.get_state()
    clone = IntentClassifier.from_state(meta, arrays)
    assert clone.rank("周末的课") == clf.rank("周末的课")
