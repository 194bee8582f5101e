"""Corrections a person keeps beside the news (corrections.yaml), applied by every build.

    from kg.correct import Book, read_corrections
    book = Book.read(["news/corrections.yaml"])       # CorrectionsError: FILE:LINE: what to write instead
    report = build("news", "out", corrections=["news/corrections.yaml"])
    print(report.corrections.summary())

- read.py: the file, YAML, into Corrections that know their line;
- apply.py: the corrections applied to each page's extraction record, the facts they add, and which
  matched nothing (with the nearest names);
- stage.py: the stage of kg build: which files, the names to recognise, each page corrected.

The names to recognise reach recognition itself (kg/recognize/declared.py).
"""
from kg.correct.apply import Book, CorrectionReport
from kg.correct.read import Correction, CorrectionsError, parse_corrections, read_corrections
from kg.correct.stage import DEFAULT, added, corrected, corrections_files, declaring, not_pages

__all__ = ["DEFAULT", "Book", "Correction", "CorrectionReport", "CorrectionsError", "added", "corrected",
           "corrections_files", "declaring", "not_pages", "parse_corrections", "read_corrections"]
