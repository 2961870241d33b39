"""kg.read.walk: files and folders to the list of files to read, and the paths that cannot be read."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.read import Rejected, find_inputs

from tests.read.samples import AZ, reason, write


IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# ---------------------------------------------------------------- finding inputs


def make_tree(root: Path) -> None:
    for name in ["b.txt", "a.txt", "A2.TXT", "notes.md", "sub/c.txt", "sub/deeper/d.txt",
                 "sub/c.json", ".hidden.txt", ".git/e.txt", "sub/.cache/f.txt"]:
        write(root, name, AZ)


def test_folders_are_walked_sorted_and_filtered(tmp_path):
    make_tree(tmp_path)
    files, rejected = find_inputs([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "A2.TXT", "a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"]
    assert rejected == []
    assert find_inputs([tmp_path]) == (files, rejected)


def test_files_given_directly_are_taken_whatever_their_suffix(tmp_path):
    make_tree(tmp_path)
    files, _ = find_inputs([tmp_path / "notes.md", str(tmp_path / ".hidden.txt")])
    assert files == [tmp_path / "notes.md", tmp_path / ".hidden.txt"]


def test_other_suffixes(tmp_path):
    make_tree(tmp_path)
    files, _ = find_inputs([tmp_path], suffixes=("md", ".JSON"))
    assert [p.name for p in files] == ["notes.md", "c.json"]


def test_duplicates_are_listed_once(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "sub" / "link.txt").symlink_to(tmp_path / "a.txt")
    files, _ = find_inputs([tmp_path / "a.txt", tmp_path, tmp_path / "a.txt", tmp_path / "sub"])
    names = [p.name for p in files]
    assert names.count("a.txt") == 1 and "link.txt" not in names and len(names) == len(set(names))


def test_symlink_loops_do_not_hang(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    (tmp_path / "sub" / "deeper" / "self").symlink_to(tmp_path / "sub" / "deeper")
    (tmp_path / "selfie").symlink_to(tmp_path / "selfie")
    files, rejected = find_inputs([tmp_path, tmp_path / "sub" / "loop"])
    assert len(files) == 5 and rejected == []


def test_missing_and_broken_paths_are_rejected(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    files, rejected = find_inputs([tmp_path / "nope.txt", tmp_path, tmp_path / "broken.txt", ""])
    assert Rejected(str(tmp_path / "nope.txt"), "no such file or folder") in rejected
    assert Rejected(str(tmp_path / "broken.txt"), "broken symbolic link") in rejected
    assert Rejected("", "empty path") in rejected
    assert len(files) == 5


def test_unreadable_folder_is_rejected(tmp_path, monkeypatch):
    make_tree(tmp_path)
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == tmp_path / "sub":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, rejected = find_inputs([tmp_path])
    assert rejected == [Rejected(str(tmp_path / "sub"), "cannot read folder (permission denied)")]
    assert [p.name for p in files] == ["A2.TXT", "a.txt", "b.txt"]


@pytest.mark.skipif(IS_ROOT or os.name == "nt", reason="root reads everything")
def test_unreadable_folder_and_file_for_real(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "sub").chmod(0)
    (tmp_path / "a.txt").chmod(0)
    try:
        files, rejected = find_inputs([tmp_path])
        assert {r.path for r in rejected} == {str(tmp_path / "sub"), str(tmp_path / "a.txt")}
    finally:
        (tmp_path / "sub").chmod(0o755)
        (tmp_path / "a.txt").chmod(0o644)


def test_unreadable_file_is_rejected(tmp_path, monkeypatch):
    make_tree(tmp_path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m: Path(p).name != "b.txt" and real_access(p, m))
    files, rejected = find_inputs([tmp_path])
    assert Rejected(str(tmp_path / "b.txt"), "cannot read file (permission denied)") in rejected
    assert "b.txt" not in [p.name for p in files]


def test_read_error_becomes_input_error(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", AZ)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert reason(path) == "cannot read file (permission denied)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_special_files_are_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert find_inputs([fifo]) == ([], [Rejected(str(fifo), "not a regular file or folder")])
    assert find_inputs([tmp_path]) == ([], [Rejected(str(fifo), "not a regular file")])
    assert reason(fifo) == "not a regular file"  # and it did not block
