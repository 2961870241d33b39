"""What the generators write with: names, ministries' domains, event topics
and nouns, Azerbaijani case forms of a phrase's last word, and Zipf
weights (a few items are hubs, most are rare, as in real news)."""
from __future__ import annotations

from functools import lru_cache

from ..lang.az.morph import inflect
from ..lang.az.ner.forms import capitalize_like

SURNAMES = ["Əliyev", "Məmmədov", "Həsənov", "Quliyev", "Hüseynov", "Rəhimov", "Kərimov", "Abbasov",
             "Nəsirov", "Babayev", "Səfərov", "İsmayılov", "Orucov", "Cəfərov", "Mustafayev", "Zeynalov",
             "Petrov", "Kovalenko", "Beridze", "Kapanadze", "Yılmaz", "Demir", "Şahin", "Nazarbayev",
             "Tokayev", "Mirziyoyev", "Smit", "Müller", "Rossi", "Dubua", "Novak", "Horvat"]
DOMAINS = ["xarici işlər", "daxili işlər", "ədliyyə", "energetika", "təhsil", "səhiyyə", "maliyyə",
            "iqtisadiyyat", "müdafiə", "mədəniyyət", "ekologiya və təbii sərvətlər", "kənd təsərrüfatı"]
TOPICS = ["Yaşıl enerji və iqlim", "Rəqəmsal transformasiya", "Regional təhlükəsizlik", "Su ehtiyatları",
           "Orta Dəhliz və nəqliyyat", "Korrupsiyaya qarşı mübarizə", "Təhsildə innovasiyalar",
           "Sağlam gələcək", "Miqrasiya və inteqrasiya", "Kibertəhlükəsizlik"]
EVENT_NOUNS = ["konfrans", "forum", "seminar", "sammit", "vebinar"]


def genitive(word: str) -> str:
    last = word.split()[-1]
    return " ".join(word.split()[:-1] + [capitalize_like(last, inflect(last)["gen"])])


def in_case(word: str, case: str) -> str:
    last = word.split()[-1]
    return " ".join(word.split()[:-1] + [capitalize_like(last, inflect(last)[case])])


@lru_cache(maxsize=None)
def zipf_weights(n: int, skew: float) -> tuple[float, ...]:
    """Cumulative Zipf weights of ranks 1..n: a few items are hubs."""
    acc, cum = 0.0, []
    for rank in range(n):
        acc += 1.0 / (rank + 1) ** skew
        cum.append(acc)
    return tuple(cum)


def first_names(gazetteer) -> list[str]:
    """The gazetteer's first names, capitalised, in a fixed order."""
    names = sorted(n for n in gazetteer.first_names if n.isalpha())
    return [capitalize_like("A", n[:1]) + n[1:] for n in names] or ["Kamran"]
