"""What the page tests share: the page's data read back, hostile articles."""
from __future__ import annotations

import json
import re
from pathlib import Path

from tests.graphdata import Doc


def page_data(path: Path) -> dict:
    text = Path(path).read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    return json.loads(m.group(1))


HOSTILE_SCRIPT = "<script>alert(1)</script>"

HOSTILE_IMG = "<img src=x onerror=alert(1)>"

HOSTILE_FLAG = '<img src=x onerror="window.__pwned=1">'

HOSTILE_URL = "javascript:alert(1)"


def hostile_docs() -> list[Doc]:
    d = Doc("evil-1", date="2024-01", url=HOSTILE_URL, title='<img src=x onerror="window.__pwned=2">')
    s = d.entity("Person", HOSTILE_SCRIPT, en=HOSTILE_FLAG, aliases=['"><svg onload=alert(3)>'],
                 wikidata="javascript:alert(1)")
    o = d.entity("Organization", HOSTILE_IMG)
    c = d.entity("Country", "</script><script>window.__pwned=3</script>")
    d.fact(f"Bu gün {HOSTILE_SCRIPT} və {HOSTILE_IMG} görüşüb; <b>qalın</b> &amp; <!-- şərh -->.", (s, "met", o))
    d.fact(f"{HOSTILE_IMG} </script><script>window.__pwned=3</script> ölkəsinin bir hissəsidir.", (o, "partOf", c))
    return [d]
