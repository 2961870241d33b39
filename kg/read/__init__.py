"""Reading: files and folders in, ``Article`` objects out; anything else is rejected.

Owns walking folders (``walk``), the size limit (``limits``), bytes to text
(``decode``), HTML saved as text (``html``), metadata from front matter and
sidecars (``metadata``) and one file to one article (``article``); every
refusal is a ``Rejected`` with one line (``reject``). May import the ground
floor only (``kg.errors``, ``kg.models``): it knows nothing of extraction,
RDF or the store.

The reader never guesses silently. A file becomes an article only when it
is plainly text; otherwise it is rejected with a one-line reason (see
``Rejected``; ``read_article`` raises ``InputError("PATH: reason")``).

What happens to a file, in order:

1. ``stat`` first: not a regular file, empty, or over ``max_bytes``
   (default 20 MB, the CLI's ``--max-bytes``) is rejected without reading.
2. Binary sniffing: known magic bytes (PNG, JPEG, PDF, ZIP/DOCX, GZIP, ELF,
   ...) are named; any NUL byte outside UTF-16/32-with-BOM is binary.
3. Decoding. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32).
   Otherwise strict UTF-8; a character cut off at the very end is dropped,
   and rare stray bytes in text that is otherwise clearly UTF-8 (at least
   50 good non-ASCII characters per bad byte) become U+FFFD. Anything else
   goes to charset-normalizer, limited to the legacy code pages analysts
   actually meet: Windows-1254 (Turkish, Azerbaijani without ə),
   Windows-1251 and KOI8-R (Russian), Windows-1252 (Western). Its guess is
   accepted only when it is strong (see ``kg.read.decode``): otherwise the
   file is rejected with "cannot tell the encoding" rather than turned into
   mojibake. In practice a legacy-encoded file needs about one sentence
   (~50 characters) of text to be accepted; shorter ones may be rejected.
4. Normalisation: ``\\r\\n`` and ``\\r`` (and the other Unicode line
   breaks) become ``\\n``; BOMs and control characters other than ``\\n``
   and ``\\t`` are removed; Unicode NFC; surrounding whitespace stripped.
   Text in which over 5% (and at least 3) of the characters are control,
   unassigned or private-use ones is rejected as binary; a trailing DOS
   end-of-file mark (Ctrl-Z) does not count.
5. Front matter (``---`` / ``key: value`` lines / ``---`` at the very top)
   is read and removed.
6. HTML saved as text is reduced to its article text (``kg.read.html``).
7. Metadata, lowest to highest priority: defaults (id = file stem,
   lang = ``default_lang``), ``STEM.json`` (e.g. a gold annotation file;
   only id, url, date, lang, title are read), ``STEM.meta.json``, the HTML
   ``<h1>``/``<title>`` (title only, below the sidecars), front matter.
   When the sources contradict each other, the higher one wins, silently.
   Titles are cut to one line of at most 300 characters.
   Invalid values (a date that is not YYYY[-MM[-DD]], a non-http(s) url, a
   lang that is not a 2-3 letter code) are ignored; a sidecar that is not
   a JSON object with string-or-null values rejects the article.
"""
from .article import read_article, read_articles
from .limits import DEFAULT_MAX_BYTES
from .reject import Rejected
from .walk import DEFAULT_SUFFIXES, find_inputs

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_SUFFIXES", "Rejected", "find_inputs", "read_article",
           "read_articles"]
