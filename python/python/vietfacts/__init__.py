"""Read Vietnamese text and turn it into typed facts.

The Rust library ``vietfacts``, bound to Python::

    >>> import vietfacts
    >>> text = "Năm 2017, trồng rừng mới vượt 13,6% kế hoạch."
    >>> pct = [f for f in vietfacts.extract(text) if f["kind"] == "percentage"][0]
    >>> pct["value"], pct["relation"], pct["subject"], pct["reference"]
    (13.6, 'exceeds', 'trồng rừng mới', 'kế hoạch')
    >>> text[slice(*pct["char_span"])]
    '13,6%'

- :func:`decode` reads bytes in any Vietnamese encoding (UTF-8, UTF-16,
  TCVN3/ABC, VNI, VIQR, VISCII, Windows-1258);
- :func:`normalize` gives the canonical spelling (NFC, one tone placement);
- :func:`extract` gives the facts of one text, as dicts (the fact objects of
  ``SCHEMA.md``, with ``char_span`` in Python string indexes beside the byte
  ``span``);
- :func:`extract_batch` does the same for many texts on all cores, with the
  GIL released.
"""

from ._vietfacts import (
    ENCODINGS,
    KINDS,
    __version__,
    decode,
    extract,
    extract_batch,
    normalize,
)

__all__ = [
    "ENCODINGS",
    "KINDS",
    "__version__",
    "decode",
    "extract",
    "extract_batch",
    "normalize",
]
