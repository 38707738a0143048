"""samverkan: typed, analysable data from Swedish healthcare governance.

Meetings and their decisions, agreements, action plans, funding and
indicators, modelled in C++ (samverkan._core) and used from here.

    import samverkan as sv
    corpus = sv.Corpus.load("data/sample/corpus.json")
    frames = corpus.to_frames()          # pandas DataFrames by name, built on access
    frames["meetings"].head()
    sv.Money.parse("ca 25 mnkr").kronor  # Decimal('25000000.00')

The allocation engine (rules, programmes, the 2019 queue billion) is in
samverkan.allocation; minutes and protocols are read with
samverkan.import_minutes(path_or_text, corpus=None).

Ids are plain str. Records handed out (corpus.get_meeting(...), a record's
list fields) are copies: change one and give it back (corpus.update(...),
record.items = [...]).
"""

from . import _core
from ._core import *  # noqa: F401,F403  (re-exported; listed in __all__)
from . import allocation
from .importing import ImportedMinutes, import_minutes
from . import display, indicators, reports, spreadsheet

display.install()

# The allocation engine lives in samverkan.allocation; at the top level its
# names (split, Step, Koemiljard2019Result ...) would crowd the model's.
for _name in allocation._CORE_NAMES:
    globals().pop(_name, None)
del _name

__version__: str = _core.version()

__all__ = sorted(
    name for name in dir(_core) if not name.startswith("_") and name not in allocation._CORE_NAMES
) + [
    "__version__", "allocation", "display", "indicators", "reports", "spreadsheet", "ImportedMinutes", "import_minutes"]
