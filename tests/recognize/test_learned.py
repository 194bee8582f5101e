"""The learned recogniser: numpy tagging that agrees with crfsuite, runs of a type as mentions,
and a one-line error for a model that is missing or broken."""
import itertools
from pathlib import Path

import numpy as np
import pytest

from kg.cli import main
from kg.recognize.features import TEMPLATES, attributes
from kg.recognize.learned import MODEL, ModelError, Reading, Recogniser, run_probabilities, spans, stale, viterbi
from kg.train import fit, labels, weights

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TAUGHT = [("潍坊高新区经济发展局党委书记、局长韩滨说。", [(0, 5, "Zone"), (5, 10, "GovernmentAgency"),
                                                        (10, 14, "POST"), (15, 17, "POST"), (17, 19, "Person")]),
          ("山东华远重工有限公司董事长王明表示。", [(0, 10, "Company"), (10, 13, "POST"), (13, 15, "Person")]),
          ("济宁高新区聚焦高端装备制造、新能源新材料两大主导产业。", [(0, 5, "Zone"), (7, 13, "Industry"),
                                                              (14, 20, "Industry")])]


def seed_sentences(stem: str, count: int = 120) -> list[str]:
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    return [s for s in text.replace("\n", "").split("。") if s][:count]


@pytest.fixture(scope="module")
def crfsuite_model(tmp_path_factory):
    """A small CRF trained by crfsuite itself, kept both as crfsuite's file and as kg's arrays."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    folder = tmp_path_factory.mktemp("crf")
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, found in TAUGHT * 3:
        trainer.append(attributes(text), labels(text, found))
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 40, "feature.possible_transitions": True})
    trainer.train(str(folder / "model.crfsuite"))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(folder / "model.crfsuite"))
    with open(folder / "model.npz", "wb") as f:
        np.savez_compressed(f, **weights(tagger.info()), templates=np.array([t.name for t in TEMPLATES]))
    return tagger, Recogniser(folder / "model.npz")


def test_numpy_tagging_is_crfsuite_tagging(crfsuite_model):
    tagger, ours = crfsuite_model
    sentences = seed_sentences("003_a47ea2bfe5e6e35c") + [t for t, _ in TAUGHT]
    assert ours.tag(Reading(sentences)) == [tagger.tag(attributes(s)) for s in sentences]


def test_viterbi_finds_the_best_path_where_the_characters_alone_would_not():
    # character by character, label 1 then 0; but 1 → 0 is so costly that 1 → 1 wins
    scores = [np.array([[0.0, 2.0], [1.0, 0.0]], np.float32)]
    transitions = np.array([[0.0, 0.0], [-5.0, 0.0]], np.float32)
    assert viterbi(scores, transitions)[0].tolist() == [1, 1]
    assert viterbi([np.zeros((0, 2), np.float32)], transitions)[0].tolist() == []


def test_a_runs_probability_is_the_share_of_all_paths_that_label_it_so():
    labels = ["O", "B-Zone", "I-Zone"]
    rng = np.random.default_rng(7)
    scores = [rng.normal(size=(n, 3)).astype(np.float32) for n in (5, 3)]
    transitions = rng.normal(size=(3, 3)).astype(np.float32)
    paths = viterbi(scores, transitions)
    runs = [spans([labels[k] for k in path]) for path in paths]
    assert any(runs)

    def weight(score, path):
        return np.exp(sum(score[t, y] for t, y in enumerate(path))
                      + sum(transitions[a, b] for a, b in zip(path, path[1:])))

    found_all = run_probabilities(scores, transitions, paths, runs, labels)
    for score, path, text_runs, found in zip(scores, paths, runs, found_all):
        every = list(itertools.product(range(3), repeat=len(score)))
        total = sum(weight(score, other) for other in every)
        for (start, end, _), p in zip(text_runs, found):
            same = [other for other in every if list(other[start:end]) == list(path[start:end])
                    and (end == len(score) or labels[other[end]] != "I-Zone")]
            assert p == pytest.approx(sum(weight(score, other) for other in same) / total, rel=1e-4)


def test_a_run_of_one_type_is_a_mention_and_b_begins_another():
    labels = ["O", "B-Zone", "I-Zone", "I-Place", "O", "B-Person", "B-Person", "I-Person"]
    assert spans(labels) == [(1, 3, "Zone"), (3, 4, "Place"), (5, 6, "Person"), (6, 8, "Person")]
    assert spans([]) == []


def test_a_model_trained_on_a_few_sentences_in_seconds_reads_what_it_was_taught(tmp_path):
    model = Recogniser(fit(TAUGHT * 5, tmp_path / "model.npz", params={"max_iterations": 60}))
    assert (13, 15, "Person") in model.spans("山东华远重工有限公司董事长王明表示。")
    assert (0, 5, "Zone") in model.spans("潍坊高新区经济发展局党委书记、局长韩滨说。")
    assert (0, 10, "Company") in model.spans("山东华远重工有限公司董事长王明表示。")


@pytest.mark.parametrize("content", [None, b"not a model", b"PK\x03\x04 broken zip"])
def test_a_missing_or_broken_model_is_one_line_naming_the_file_and_kg_train(tmp_path, content):
    path = tmp_path / "recogniser.npz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ModelError) as error:
        Recogniser(path)
    message = str(error.value)
    assert str(path) in message and "kg train" in message and "\n" not in message


def test_kg_build_with_a_broken_model_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    broken = tmp_path / "recogniser.npz"
    broken.write_bytes(b"not a model")
    monkeypatch.setenv("KG_MODEL", str(broken))
    assert main(["build", str(SEEDS / "000_6c1ec9c07335c472.txt"), "--out", str(tmp_path / "out"), "--no-cache",
                 "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(broken) in err and "kg train" in err
    assert not (tmp_path / "out").exists()


def test_the_shipped_recogniser_was_trained_on_the_lexicons_kg_reads():
    """A lexicon grown after the shipped model was trained gives it features it never learned: retrain it."""
    assert not stale(MODEL), \
        "kg/data changed since kg/models/recogniser.npz was trained: run kg train --only recogniser"


def test_a_model_trained_on_other_lexicons_or_not_saying_on_which_is_stale(tmp_path, trained_on_other_lexicons):
    model = fit(TAUGHT, tmp_path / "model.npz", params={"max_iterations": 5})
    assert not stale(model)
    for digest in ("0" * 16, None):
        other = tmp_path / f"{digest}.npz"
        other.write_bytes(model.read_bytes())
        assert stale(trained_on_other_lexicons(other, digest))
    (tmp_path / "broken.npz").write_bytes(b"not a model")
    assert not stale(tmp_path / "broken.npz")        # reading it for its weights says what is wrong


def test_training_is_deterministic_the_same_sentences_give_the_same_bytes(tmp_path):
    a = fit(TAUGHT * 2, tmp_path / "a.npz", params={"max_iterations": 20}).read_bytes()
    b = fit(TAUGHT * 2, tmp_path / "b.npz", params={"max_iterations": 20}).read_bytes()
    assert a == b


def test_a_name_of_an_unsure_type_is_kept_where_the_page_reads_it_surely_once(monkeypatch):
    from kg.model import Sentence
    from kg.recognize import learned

    text = "党工委书记王明表示，园区聚焦高端装备制造、新能源新材料两大主导产业。"
    page = [Sentence(0, 0, len(text), text)]
    assert {("王明", "Person"), ("高端装备制造", "Industry"), ("新能源新材料", "Industry")} <= \
        {(m.text, m.type) for m in learned.find(page)}
    monkeypatch.setitem(learned.SURE_ENOUGH, "Industry", 1.01)      # no reading is that sure: no industry is kept
    assert [(m.text, m.type) for m in learned.find(page)] == [("王明", "Person")]


def test_a_name_whose_tail_decides_its_type_is_kept_however_unsure(monkeypatch):
    from kg.model import Sentence
    from kg.recognize import learned

    for kind in ("Organization", "Company"):
        monkeypatch.setitem(learned.SURE_ENOUGH, kind, 1.01)        # no reading is that sure
    text = "临江大学与星海科技签署战略合作协议，星海科技有限公司将投资建设。"
    read = {(m.text, m.type) for m in learned.find([Sentence(0, 0, len(text), text)])}
    assert {("临江大学", "Organization"), ("星海科技有限公司", "Company")} <= read
    assert ("星海科技", "Company") not in read
    assert not learned._decided("联盟")       # a tail alone names nothing
    assert learned._decided("临江工业园区")     # a zone's kind ends a zone's name as a body's tail does
