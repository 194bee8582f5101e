"""Pages of one sentence, and the mentions a component read there, for the tests of the recognisers."""
from kg.model import Article, Document, Mention, Sentence


def one_sentence_page(text: str) -> Document:
    """A page that is one sentence, repaired as it was written: for the recognisers that read a page's mentions."""
    doc = Document(id="t", raw=text)
    doc.text = text
    doc.articles = [Article(0, 0, len(text), sentences=[Sentence(0, 0, len(text), text)])]
    return doc


def read_at(text: str, name: str, kind: str, source: str = "model") -> Mention:
    """The mention of `name`'s first occurrence in `text`, read as `kind` by `source`."""
    start = text.index(name)
    return Mention(name, kind, start, start + len(name), 0, source=source)
