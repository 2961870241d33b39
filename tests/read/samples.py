"""Texts and files the reader tests share."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read import read_article


AZ = ("Xarici işlər naziri Ceyhun Bayramov Ankarada türk həmkarı ilə görüşüb. "
      "Görüşdə iki ölkə arasında əməkdaşlığın inkişafı müzakirə olunub. "
      "Tərəflər regional təhlükəsizlik məsələlərini də müzakirə ediblər.")

TR = ("Dışişleri Bakanı Ankara'da görüştü. Türkiye ile işbirliği güçlendirilecek. "
      "Bakan, iki ülke arasındaki ilişkilerin çok önemli olduğunu söyledi. "
      "İstanbul'da yapılacak zirvede yeni anlaşmalar imzalanacak.")

RU = ("Министр иностранных дел встретился с коллегой в Баку. "
      "Стороны обсудили вопросы двустороннего сотрудничества. "
      "Министр подчеркнул важность развития отношений между странами.")

EN = ("Officials in Baku said the “talks” were productive — both sides’ positions "
      "converged on transport and energy, a rare outcome… The next round is in May.")

FR = ("Le ministre a déclaré que les négociations étaient très productives. "
      "Les deux délégations se sont félicitées des résultats obtenus à Genève.")


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def reason(path: Path, **kw) -> str:
    """The one-line reason read_article gives for rejecting ``path``."""
    with pytest.raises(InputError) as caught:
        read_article(path, **kw)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message and "Traceback" not in message
    return message[len(f"{path}: "):]
