"""Newspaper PDFs: the seed pages typeset in four to six columns, read back article by article.

The PDFs are made here (tests/read/newspaper.py), their frames drawn out of
reading order, as page-layout programs write them."""
import re
import shutil

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kg.model import Document, Problem
from kg.read import read_documents, read_file
from kg.text.repair import repair
from kg.text.segment import segment
from kg.text.simplify import simplify
from newspaper_pdf import FONT, stories, typeset

PAGE = "000_6c1ec9c07335c472"


def _read(path) -> Document | Problem:
    (item,) = read_file(path)
    return item


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


def _prepared(raw: str) -> Document:
    return segment(repair(simplify(Document(id="page", raw=raw))))


@pytest.fixture(scope="module")
def seed_pdfs(tmp_path_factory, seeds) -> dict:
    folder = tmp_path_factory.mktemp("pdf")
    return {stem: typeset([text], folder / f"{stem}.pdf", columns=4 + k % 3, seed=k)
            for k, (stem, text) in enumerate(seeds.items())}


def test_the_columns_of_a_page_are_read_whole_and_in_order(seed_pdfs, seeds):
    for stem, pdf in seed_pdfs.items():
        read = _flat(_prepared(_read(pdf).raw).text)
        sentences = [_flat(s.text) for s in _prepared(seeds[stem]).sentences if len(s.text) >= 8]
        found = [read.find(s) for s in sentences]
        # a sentence the column width broke comes out whole only if its column's lines follow one another
        assert sum(at >= 0 for at in found) >= 0.97 * len(sentences), stem
        kept = [at for at in found if at >= 0]
        assert sum(b > a for a, b in zip(kept, kept[1:])) >= 0.97 * (len(kept) - 1), stem


def test_headlines_are_lines_of_their_own_before_their_articles(seed_pdfs, seeds):
    lines = {stem: _read(pdf).raw.split("\n") for stem, pdf in seed_pdfs.items()}
    # 桂林… and 昆明… are set side by side; 济南… is centred over six columns, reaching neither the first nor the last
    for stem, headline in [("004_a30f9cb8c58a19bd", "桂林市七星区纳入自治区10项目总投资额483亿元"),
                           ("004_a30f9cb8c58a19bd", "昆明高新区培育高技能工匠型产业工人队伍"),
                           ("002_c1e7ce0b8b09919e", "济南高新区探索对外开放新格局"),
                           ("000_6c1ec9c07335c472", "潍坊高新区“开局战”12项指标名列前茅")]:
        at = lines[stem].index("# " + headline)
        story = next(s for s in stories(seeds[stem]) if headline in s.headline)
        following = next(line for line in lines[stem][at + 1:] if line and not line.startswith("# "))
        assert story.blocks[0][0].startswith(following), headline


def test_a_headline_over_two_lines_is_one_line_and_a_kicker_its_own(tmp_path):
    canvas = Canvas(str(tmp_path / "a.pdf"), pagesize=A4)
    lines = [(22, "西安高新区："), (22, "天津滨海高新区77条“硬核”新政"), (22, "支撑高质量发展"),
             (9, "本报讯 近日，天津市科学技术局出台举措，从着力"), (9, "提升自主创新能力等方面支持高新区。")]
    y = 780
    for size, text in lines:
        canvas.setFont(FONT, size)
        canvas.drawCentredString(300, y, text) if size > 9 else canvas.drawString(100, y, text)
        y -= size * 1.4
    canvas.save()
    assert _read(tmp_path / "a.pdf").raw.split("\n") == [
        "# 西安高新区：", "# 天津滨海高新区77条“硬核”新政支撑高质量发展", "",
        "本报讯 近日，天津市科学技术局出台举措，从着力", "提升自主创新能力等方面支持高新区。"]


def test_spans_point_into_the_text_read(seed_pdfs):
    from kg.pipeline import process

    doc = process(_read(seed_pdfs[PAGE]))
    assert doc.triples
    for triple in doc.triples:
        p = triple.provenance
        assert _flat(doc.raw[p.start:p.end]) == _flat(p.text)


def _picture_pdf(path, pages_of_text=()):
    canvas = Canvas(str(path), pagesize=A4)
    scan = Image.new("L", (400, 560), 255)
    for text in [None, *pages_of_text]:
        if text is None:
            canvas.drawImage(ImageReader(scan), 40, 40, 500, 700)
        else:
            canvas.setFont(FONT, 10)
            canvas.drawString(40, 800, text)
        canvas.showPage()
    canvas.save()
    return path


def test_a_scanned_pdf_is_one_line_saying_kg_does_no_ocr(tmp_path):
    problem = _read(_picture_pdf(tmp_path / "scan.pdf"))
    assert isinstance(problem, Problem) and problem.skipped and "\n" not in problem.reason
    assert problem.reason.startswith("a scanned PDF: its pages are pictures, with no text layer")
    assert "does not do OCR" in problem.reason


def test_a_scanned_page_among_pages_of_text_is_a_warning(tmp_path):
    doc = _read(_picture_pdf(tmp_path / "mixed.pdf", ["潍坊高新区经济发展局党委书记、局长韩滨说。"]))
    assert doc.raw == "潍坊高新区经济发展局党委书记、局长韩滨说。"
    (warning,) = doc.problems
    assert not warning.skipped and warning.reason.startswith("1 page (1) of pictures with no text layer not read")


def test_damaged_encrypted_and_false_pdfs_are_problems_and_the_others_are_read(tmp_path, seed_pdfs, seeds):
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(seed_pdfs[PAGE], folder / "good.pdf")
    data = seed_pdfs[PAGE].read_bytes()
    (folder / "cut.pdf").write_bytes(data[:len(data) // 3])
    (folder / "error.pdf").write_text("<!DOCTYPE html><html><body>404 Not Found</body></html>")
    locked = Canvas(str(folder / "locked.pdf"), encrypt="secret")
    locked.setFont(FONT, 10)
    locked.drawString(40, 800, "潍坊高新区")
    locked.save()
    (folder / "saved-as.txt").write_bytes(data)         # a PDF under a page's name is read as the PDF it is
    items = list(read_documents(folder))
    docs = {d.id: d for d in items if isinstance(d, Document)}
    problems = {p.path.rsplit("/", 1)[-1]: p.reason for p in items if isinstance(p, Problem)}
    assert set(docs) == {"good", "saved-as"} and docs["good"].raw == docs["saved-as"].raw
    assert problems["cut.pdf"].startswith("a damaged PDF that cannot be read")
    assert problems["error.pdf"] == "not a PDF: it does not begin with %PDF- but with b'<!DOCTYPE html><'"
    assert problems["locked.pdf"].startswith("an encrypted PDF that needs a password")
    assert all("\n" not in reason for reason in problems.values())


def test_text_placed_as_a_figure_is_read(tmp_path):
    canvas = Canvas(str(tmp_path / "form.pdf"))
    canvas.beginForm("article")
    canvas.setFont(FONT, 10)
    canvas.drawString(40, 700, "潍坊高新区集中开工重点项目20个。")
    canvas.endForm()
    canvas.doForm("article")
    canvas.save()
    assert _read(tmp_path / "form.pdf").raw == "潍坊高新区集中开工重点项目20个。"


def test_the_graph_of_the_seed_pages_as_pdf_is_that_of_their_text(tmp_path, seed_pdfs, seeds, seeds_build):
    from kg.build import build
    from kg.eval import score as scorer

    (tmp_path / "pdf").mkdir()
    for pdf in seed_pdfs.values():
        shutil.copy(pdf, tmp_path / "pdf" / pdf.name)
    assert not build(tmp_path / "pdf", tmp_path / "out").problems
    # the record built from the text is the gold: its entity lines the gold entities, its triple lines the triples
    entities, triples = scorer.load_pred(seeds_build / "extraction.jsonl", set(seeds))
    gold = {doc: {"entities": entities[doc], "triples": triples[doc]} for doc in seeds}
    _, typed, _, _, facts, _ = scorer.score(gold, *scorer.load_pred(tmp_path / "out" / "extraction.jsonl", set(seeds)))
    assert typed.prf()[2] >= 0.95 and facts.prf()[2] >= 0.90, (typed.prf(), facts.prf())
