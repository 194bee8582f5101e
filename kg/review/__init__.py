"""Review: a page listing a build's facts, the least sure first, where a person ticks each right or wrong,
retypes or merges entities, and downloads the decisions as a corrections file (kg/correct) for kg build.

    from kg.review import write_review
    write_review("out", "out/review.html")
"""
from kg.review.page import render_review, review_data, write_review

__all__ = ["render_review", "review_data", "write_review"]
