"""Bytes → text on a seed page written in each encoding Chinese archives use."""
import os

import opencc
import pytest

from kg.read.decode import Undecodable, decode

PAGE = "002_c1e7ce0b8b09919e"


@pytest.fixture(scope="module")
def page(seeds) -> str:
    return seeds[PAGE]


@pytest.fixture(scope="module")
def traditional(page) -> str:
    # Big5 has no ► and a few other marks of the seed: the page keeps what Big5 can write
    text = opencc.OpenCC("s2t").convert(page)
    return "".join(ch for ch in text if _big5(ch))


def _big5(ch: str) -> bool:
    try:
        ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("codec, name", [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8"), ("gb18030", "GB18030"), ("gbk", "GB18030"),
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")])
def test_a_page_reads_the_same_in_every_encoding(page, codec, name):
    text = page if codec != "gbk" else "".join(ch for ch in page if ch != "►")   # GBK has no ►
    decoded = decode(text.encode(codec))
    assert decoded.text == text and decoded.encoding == name and decoded.bad == 0


def test_a_traditional_page_in_big5(traditional):
    decoded = decode(traditional.encode("big5"))
    assert decoded.text == traditional and decoded.encoding == "Big5"


@pytest.mark.parametrize("text, codec", [("潍坊高新区", "gb18030"), ("濰坊高新區", "big5"),
                                         ("臺灣", "big5"), ("高新区", "gbk")])
def test_a_headline_too_short_for_the_detector_alone(text, codec):
    # every Big5 text is also valid GBK: the reading in ordinary characters wins
    assert decode(text.encode(codec)).text == text


def test_a_few_bad_bytes_in_utf8_are_read_as_replacement_characters_and_counted(page):
    data = bytearray(page.encode("utf-8"))
    at = len(page[:1000].encode("utf-8"))       # the first byte of character 1000
    data[at] = 0xFF
    decoded = decode(bytes(data))
    assert decoded.encoding == "UTF-8" and decoded.first_bad == at
    assert decoded.text.count("\ufffd") == decoded.bad >= 1
    assert decoded.text[:1000] == page[:1000] and decoded.text.endswith(page[-1000:])


def test_text_in_no_known_encoding_names_its_first_bad_byte():
    data = "Prix: 12 € — café, résumé".encode("latin-1", errors="replace")
    with pytest.raises(Undecodable) as caught:
        decode(data)
    assert caught.value.byte == data.index("é".encode("latin-1"))
    assert f"byte {caught.value.byte}" in caught.value.reason


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + os.urandom(4000), bytes(2000),
                                  "潍坊\x01\x02\x03\x04".encode() * 50])
def test_binary_files_are_no_text(data):
    with pytest.raises(Undecodable, match="binary"):
        decode(data)
