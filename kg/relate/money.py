"""The amounts a sentence names, for kg.relate.projects: kg.money reads them, for the views as well."""
from kg.money import AMOUNT, amounts, parse

__all__ = ["AMOUNT", "amounts", "parse"]
