"""kg.analysis.labels: the entity a name denotes."""
from __future__ import annotations

import pytest

from kg.analysis import find_entity
from kg.errors import InputError

from tests.graphdata import iri


def test_find_entity(clubs):
    anar = iri("Person", "Anar Məmmədov")
    assert find_entity(clubs, "Anar Məmmədov") == anar
    assert find_entity(clubs, "anar mammadov") == anar  # English label, case-folded
    assert find_entity(clubs, "A. Məmmədov") == anar  # alias
    assert find_entity(clubs, "person/anar-memmedov") == anar  # key
    assert find_entity(clubs, anar) == anar  # IRI
    assert find_entity(clubs, "Bəxtiyar") == iri("Person", "Bəxtiyar Əliyev")  # unique partial match
    with pytest.raises(InputError, match="no entity"):
        find_entity(clubs, "Nobody Anywhere")
    with pytest.raises(InputError, match=r"matches \d+ entities"):
        find_entity(clubs, "ov")  # Məmmədov, Həsənov: ambiguous
