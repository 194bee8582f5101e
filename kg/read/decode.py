"""Bytes → text: the encodings Chinese news archives come in, detected rather than assumed.

UTF-8 (with or without BOM) is tried first, being the common case and cheap to
check exactly; GB18030 (a superset of GBK and GB2312), Big5 and UTF-16 without
a BOM are told apart by charset-normalizer. Text that no encoding reads is an
error naming the first byte that could not be read, and a few stray bytes in
otherwise good UTF-8 are read as U+FFFD and reported, never guessed around.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from kg.lexicon import is_common_character
from kg.text.simplify import to_simplified

# The encodings a Chinese page is written in; isolating them keeps the detector
# from reading a short GBK text as Korean or Cyrillic.
CANDIDATES = ["utf_8", "gb18030", "big5", "utf_16_le", "utf_16_be"]
NAMES = {"utf_8": "UTF-8", "gb18030": "GB18030", "big5": "Big5", "utf_16_le": "UTF-16", "utf_16_be": "UTF-16",
         "utf_16": "UTF-16", "utf_32": "UTF-32"}
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = [(codecs.BOM_UTF32_LE, "utf_32"), (codecs.BOM_UTF32_BE, "utf_32"), (codecs.BOM_UTF8, "utf_8"),
        (codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16")]
SURROGATES = re.compile("[\udc80-\udcff]")
# Up to this share of bad bytes, UTF-8 is damaged UTF-8 rather than another encoding.
DAMAGE = 0.01
# Controls that text does not hold; tab, line ends and form feed (a PDF page break) it does.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Past this share of controls the file is binary, not text with stray controls.
BINARY = 0.05


class Undecodable(Exception):
    def __init__(self, reason: str, byte: int | None = None):
        super().__init__(reason)
        self.reason, self.byte = reason, byte


@dataclass
class Decoded:
    text: str
    encoding: str                                   # as NAMES spells it
    bad: int = 0                    # bytes that were read as U+FFFD
    first_bad: int | None = None    # the offset of the first


def decode(data: bytes) -> Decoded:
    """The text of `data`, without its byte-order mark; raises Undecodable."""
    bom, codec = next(((bom, codec) for bom, codec in BOMS if data.startswith(bom)), (b"", None))
    if codec == "utf_8":
        decoded = _utf8(data, len(bom))
    elif codec:
        decoded = _strict(data, codec)
    else:
        decoded = _utf8(data) or _detected(data)
    if decoded is None and b"\0" in data:
        raise Undecodable(f"a binary file, not text (a NUL byte at byte {data.index(0)})", data.index(0))
    if decoded is None:
        exc = _first_error(data, len(bom))
        raise Undecodable(f"cannot be decoded: byte {exc.start} (0x{data[exc.start]:02X}) is not UTF-8, and "
                          "GB18030, Big5 and UTF-16 do not read the file either; convert it to UTF-8 "
                          "(iconv -f ENCODING -t UTF-8)", exc.start)
    controls = len(CONTROLS.findall(decoded.text))
    if controls and controls >= BINARY * len(decoded.text):
        first = CONTROLS.search(decoded.text).start()
        raise Undecodable(f"a binary file, not text ({controls} control characters, the first at character {first})")
    return decoded


def _strict(data: bytes, codec: str) -> Decoded:
    try:
        return Decoded(data.decode(codec), NAMES[codec])   # utf_16 and utf_32 consume the mark
    except UnicodeDecodeError as exc:
        raise Undecodable(f"starts with a {NAMES[codec]} byte-order mark but byte {exc.start} "
                          f"(0x{data[exc.start]:02X}) is not {NAMES[codec]}", exc.start) from None


def _utf8(data: bytes, start: int = 0) -> Decoded | None:
    body = data[start:]
    try:
        return Decoded(body.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    # surrogateescape turns each bad byte into one lone surrogate, which marks it
    escaped = body.decode("utf-8", errors="surrogateescape")
    bad = len(SURROGATES.findall(escaped))
    # GBK or Big5 read as UTF-8 fails on nearly every Chinese character, so a
    # handful of failures among many good multi-byte characters is damage.
    good = sum(1 for ch in escaped if ord(ch) > 0x7F) - bad
    if bad > DAMAGE * len(body) or good < 10 * bad:
        return None
    first = _first_error(data, start).start
    return Decoded(SURROGATES.sub("\ufffd", escaped), "UTF-8", bad, first)


def _detected(data: bytes) -> Decoded | None:
    readings = []
    for match in charset_normalizer.from_bytes(data, cp_isolation=CANDIDATES):
        # the detector samples a large file; only a full strict decode says an encoding reads it
        try:
            readings.append((data.decode(match.encoding), match.encoding))
        except UnicodeDecodeError:
            continue
    if not readings:
        return None
    # The detector's language model needs a few hundred bytes: on a headline it
    # cannot tell GB18030 from Big5 (every Big5 text is also valid GBK). The
    # reading whose characters are those of ordinary text is the right one;
    # max() keeps the detector's order on a tie.
    text, encoding = max(readings, key=lambda reading: _ordinary(reading[0]))
    return Decoded(text, NAMES[encoding])


def _ordinary(text: str, sample: int = 2000) -> float:
    """The share of a text's non-ASCII characters that are common Chinese ones (traditional too)."""
    chars = [ch for ch in to_simplified(text[:sample]) if not ch.isascii() and not ch.isspace()]
    return sum(map(is_common_character, chars)) / len(chars) if chars else 0.0


def _first_error(data: bytes, start: int) -> UnicodeDecodeError:
    try:
        data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        exc.start += start
        return exc
    raise AssertionError("only bytes that are not UTF-8 are undecodable")
