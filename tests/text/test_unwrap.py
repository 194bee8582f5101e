from kg.text.unwrap import unwrap


def test_a_pdf_line_break_goes_between_chinese_and_is_a_space_between_words(seeds):
    page = seeds["001_473abfdb58def16d"]
    start = page.index("潍坊高新区经济发展局")
    sentence = page[start:page.index("韩滨说。", start) + 4]
    assert "\n" in sentence         # the page breaks it
    assert unwrap(sentence) == "潍坊高新区经济发展局党委书记、局长韩滨说。"
    assert unwrap("Apple\nInc. 在\n\n 潍坊") == "Apple Inc. 在潍坊"
