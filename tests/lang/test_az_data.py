"""The Azerbaijani plug-in keeps its words in data/lang/az, not in its code.

Walks ``kg/lang/az/**/*.py`` with ``ast``: a string constant outside a
docstring that is an Azerbaijani word (it has one of the letters ə ı ö ü ş ç
ğ, or it is a word of the language's data files or an inflected form of one)
fails, unless it is grammar named in the allow-list below. And the data files describe what the
code does: every list in ``cues.yaml`` and ``nouns.yaml`` is read by the
code, and no list is in both.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from kg.config import LANG_DATA_DIR
from kg.errors import ConfigError
from kg.extract.lexicon import lexicon
from kg.lang.az.morph import analyse, inflect

ROOT = Path(__file__).resolve().parents[2]
CODE = ROOT / "kg" / "lang" / "az"
DATA = LANG_DATA_DIR / "az"
AZ_LETTERS = set("əıöüşçğƏÖÜŞÇĞİ")

# Grammar that stays in code, each with its reason. Nothing here is a word.
ALLOWED = {
    # case, possessive, plural and participle endings (the suffix tables of
    # morph.py, the buffered endings of persons.py, the genitive endings of
    # rules/titles.py, the suffixes after "ölkəmiz" in coref.py, the plural
    # "-lar/-lər" of verbs and nouns, the participles "-an/-ən", "-mış/-miş")
    *"nın nün ın ün yə nə ylə la lə nı nü dakı dəki dır lı lü lər ən mış miş də dən ə".split(),
    # vowels and harmony classes: all vowels, back a/ı, front rounded ö/ü, the
    # four-way harmony vowels, the dotless i folded for matching, ğ of the q/ğ alternation
    "aıoueəiöü", "aıou", "aə", "ıiuü", "aı", "öü", "o", "ö", "ü", "ı", "ğ", "Ğ",
    # morph.py's suffix patterns, where A and I stand for the two- and four-way harmony vowels
    "I", "dA", "lA",
    # the ordinal suffixes of ner/forms.py ("34-cü", "üçüncü")
    r"^(?:\d+(?:-?(?:c[ıiuü]|nc[ıiuü]|[ıiuü]nc[ıiuü]))?|\p{Ll}+(?:ıncı|inci|uncu|üncü|ncı|nci|ncu|ncü))$",
    # a rule id: it is in the provenance of every fact the rule makes
    "visited.ziyarət",
    # the stem ner/names.py reads a detached suffix on (“X”nin): any consonant-final
    # front-vowel stem of its length would do; it is compared with nothing in a text
    "konqres",
    # case labels and unit kinds that happen to spell a data word ("i" is a roman numeral in not_names)
    "i",
}


def _data_lists() -> dict[str, dict]:
    return {name: yaml.safe_load((DATA / name).read_text(encoding="utf-8")) for name in ("cues.yaml", "nouns.yaml")}


# lists of the data files that hold no Azerbaijani words: kinds of gazetteer bodies
NOT_WORDS = {"genitive_only_kinds"}


def _data_words() -> set[str]:
    """Every Azerbaijani word of the language's data files, lower case: the
    word lists of cues.yaml and nouns.yaml, the words of titles.yaml's titles,
    minister, ranks and particles (not its roles and owners)."""
    items: list[str] = []
    for data in _data_lists().values():
        items += [x for k, v in data.items() if isinstance(v, list) and k not in NOT_WORDS for x in v]
    titles = yaml.safe_load((DATA / "titles.yaml").read_text(encoding="utf-8"))
    items += [w for t in titles["titles"] for w in t["words"]]
    minister = titles["minister"]
    items += [minister["head"], minister["body_head"]]
    items += [w for v in minister.values() if isinstance(v, list) for w in v]
    items += titles["ranks"] + titles["particles"]
    words = {w for x in items for w in str(x).lower().split()}
    return {w for w in words if any(c.isalpha() for c in w)}


def _is_word(s: str, words: set[str]) -> bool:
    """``s`` has an Azerbaijani letter, is a data word, or inflects one ("naziri")."""
    if any(c in AZ_LETTERS for c in s) or s.lower() in words:
        return True
    return any(len(r.lemma) >= 3 and r.lemma in words for part in s.split() if part.isalpha() for r in analyse(part))


def _constants(path: Path) -> list[tuple[int, str]]:
    """String constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docs.add(id(body[0].value))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def _modules() -> list[Path]:
    found = sorted(CODE.rglob("*.py"))
    assert len(found) >= 15, found  # the walk sees the whole plug-in
    return found


def test_no_azerbaijani_word_is_a_string_in_the_code():
    words = _data_words()
    found = []
    for path in _modules():
        for line, s in _constants(path):
            if s in ALLOWED:
                continue
            if _is_word(s, words):
                found.append(f"{path.relative_to(ROOT)}:{line}: {s!r}")
    assert not found, "words in code, not in data/lang/az:\n" + "\n".join(found)


def test_the_check_sees_words_of_both_kinds(tmp_path):
    """The walk flags a word with Azerbaijani letters, an ASCII word of the data
    files, and neither a docstring nor a case label."""
    module = tmp_path / "m.py"
    module.write_text('"""A docstring may say ilə."""\n'
                      'def f(u):\n    """Or "görüş"."""\n'
                      '    return u.low in ("ilə", "onun", " naziri") or u.case == "gen"\n', encoding="utf-8")
    words = _data_words()
    flagged = [s for _, s in _constants(module) if s not in ALLOWED and _is_word(s, words)]
    assert sorted(flagged) == [" naziri", "ilə", "onun"]


def test_every_list_of_the_data_files_is_read_by_the_code():
    constants = {s for path in _modules() for _, s in _constants(path)}
    unread = [f"{file}: {name}" for file, data in _data_lists().items() for name, v in data.items()
              if isinstance(v, list) and name not in constants]
    assert not unread, "lists no code reads:\n" + "\n".join(unread)


def test_every_exemption_is_in_use():
    """The allow-list holds only strings the code has and the check would flag."""
    constants = {s for path in _modules() for _, s in _constants(path)}
    words = _data_words()
    idle = [s for s in ALLOWED if s not in constants or not _is_word(s, words)]
    assert not idle


def test_a_list_name_is_in_one_file_only():
    cues, nouns = _data_lists().values()
    both = {k for k, v in cues.items() if isinstance(v, list)} & {k for k, v in nouns.items() if isinstance(v, list)}
    assert not both


def test_a_missing_list_is_one_clear_error():
    with pytest.raises(ConfigError, match="no word list 'no_such_list'"):
        lexicon("az").word_list("no_such_list")


def test_lists_are_read_once_and_keep_their_order():
    lex = lexicon("az")
    assert lex.word_list("held_verbs") is lex.word_list("held_verbs")
    assert lex.word_list("held_verbs")[:2] == ("keçirilib", "keçirilir")
    assert lex.word_set("between") == frozenset({"arasında", "arasındakı"})


def test_forms_the_code_derives_from_data_words():
    """Forms the constructions build with the grammar rather than list: the
    locative and possessive of the visit noun, the possessive of a delegation."""
    lex = lexicon("az")
    (visit,) = lex.word_list("visit_nouns")
    assert (inflect(visit)["loc"], inflect(visit)["poss"]) == ("səfərdə", "səfəri")
    (head,) = lex.word_list("delegation_heads")
    assert inflect(head)["poss"] == "heyəti"
