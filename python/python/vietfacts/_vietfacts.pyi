"""Type stubs of the native module ``vietfacts._vietfacts``."""

import datetime
from typing import Any, Iterable, List, Optional, Tuple, Union

__version__: str
KINDS: Tuple[str, ...]
"""Every fact kind: percentage, money, date, count, number, award, project,
place, organization, title, event."""
ENCODINGS: Tuple[str, ...]
"""``"auto"`` and every encoding name :func:`decode` reports."""

Fact = dict[str, Any]
"""One fact: ``kind``, the kind's fields, ``span`` ([start, end) in UTF-8
bytes), ``text``, ``rule`` and ``char_span`` ([start, end) in ``str``
indexes: ``text[slice(*fact["char_span"])]`` is its surface)."""

Kinds = Union[str, Iterable[str], None]
"""Kind names (``["percentage", "money"]``), or one comma-separated string
(``"percentage,money"``); ``None``: every kind but ``number``."""

RefDate = Union[str, datetime.date, None]
"""``"YYYY-MM-DD"`` or a ``datetime.date``: the anchor of relative dates
(``hôm qua``, ``tuần sau``); ``None``: relative dates are not resolved."""

def decode(data: Union[bytes, bytearray], encoding: str = "auto") -> Tuple[str, str]:
    """Decodes Vietnamese bytes: ``(text, encoding name)``.

    ``encoding`` is ``"auto"`` (detect) or a name from :data:`ENCODINGS`
    (aliases such as ``"abc"``, ``"windows-1258"`` are accepted).

    Raises ``TypeError`` for anything but bytes, ``ValueError`` for an
    unknown encoding name.
    """

def normalize(text: str, tone: str = "traditional") -> str:
    """The canonical spelling of ``text``: NFC, one tone placement
    (``"traditional"``: hòa, thủy; ``"modern"``: hoà, thuỷ; ``"preserve"``),
    ``Ð`` → ``Đ``, invisible characters removed, odd spaces → U+0020.

    Raises ``TypeError`` if ``text`` is not a ``str``, ``ValueError`` for
    an unknown tone style.
    """

def extract(text: str, kinds: Kinds = None, reference_date: RefDate = None) -> List[Fact]:
    """The facts of ``text``, in text order.

    The fact dicts and their ``span`` and ``char_span`` lists are not
    tracked by the cyclic garbage collector (``gc.is_tracked`` is false):
    they hold no container, and a reference cycle built through a span list
    is never collected.

    Raises ``TypeError`` for arguments of the wrong type, ``ValueError`` for
    an unknown kind or a bad date.
    """

def extract_batch(
    texts: Iterable[str],
    kinds: Kinds = None,
    reference_date: RefDate = None,
    jobs: Optional[int] = None,
) -> List[List[Fact]]:
    """The facts of every text, in input order: equal to
    ``[extract(t, kinds, reference_date) for t in texts]``, computed on
    ``jobs`` threads (default: one per core) with the GIL released. The
    fact dicts are untracked as in :func:`extract`.
    """
