"""Finding the files to read: paths and folders in, a sorted list of files and
the paths that cannot be read out (symbolic links followed, loops cut, each
file once)."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable

from .reject import Rejected, os_reason

DEFAULT_SUFFIXES = (".txt",)


def find_inputs(
    paths: Iterable[str | os.PathLike], *, suffixes: Iterable[str] = DEFAULT_SUFFIXES
) -> tuple[list[Path], list[Rejected]]:
    """Files to read, and the paths that cannot be read, from files and folders.

    A file named directly is taken whatever its suffix. A folder is walked
    recursively, sorted by relative path, taking files whose suffix (any
    case) is in ``suffixes`` and skipping names that start with ".".
    Symbolic links are followed, loops are cut, and a file reached twice
    (by another link or path) is listed once.
    """
    finder = _Finder(suffixes)
    for given in paths:
        finder.add(given)
    return finder.found, finder.rejected


class _Finder:
    def __init__(self, suffixes: Iterable[str]) -> None:
        self.suffixes = tuple("." + s.lower().lstrip(".") for s in suffixes)
        self.found: list[Path] = []
        self.rejected: list[Rejected] = []
        self.seen: set[str] = set()  # real paths of files and folders already taken

    def reject(self, path: str | os.PathLike, reason: str) -> None:
        self.rejected.append(Rejected(str(path), reason))

    def add(self, given: str | os.PathLike) -> None:
        if str(given) == "":
            return self.reject(given, "empty path")
        path = Path(given)
        try:
            mode = path.stat().st_mode
        except OSError as err:
            return self.reject(given, _missing_reason(path, err))
        if stat.S_ISDIR(mode):
            self.walk(path)
        elif stat.S_ISREG(mode):
            self.add_file(path)
        else:
            self.reject(given, "not a regular file or folder")

    def add_file(self, path: Path) -> None:
        real = os.path.realpath(path)
        if real in self.seen:
            return
        self.seen.add(real)
        if os.access(path, os.R_OK):
            self.found.append(path)
        else:
            self.reject(path, "cannot read file (permission denied)")

    def walk(self, root: Path) -> None:
        """Depth-first over ``root``; each folder's real path is visited once."""
        files: list[Path] = []
        stack = [root]
        while stack:
            folder = stack.pop()
            real = os.path.realpath(folder)
            if real not in self.seen:  # else a symlink loop or a folder seen before
                self.seen.add(real)
                stack.extend(reversed(self.scan(folder, files)))
        for path in sorted(files, key=lambda p: p.relative_to(root).parts):
            self.add_file(path)

    def scan(self, folder: Path, files: list[Path]) -> list[Path]:
        """Collect ``folder``'s wanted files into ``files``; return its subfolders."""
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            self.reject(folder, f"cannot read folder ({os_reason(err)})")
            return []
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            kind = _entry_kind(entry)
            if kind == "dir":
                subfolders.append(Path(entry.path))
            elif entry.name.lower().endswith(self.suffixes):
                self.take(entry, kind, files)
        return subfolders

    def take(self, entry: os.DirEntry, kind: str, files: list[Path]) -> None:
        if kind == "file":
            files.append(Path(entry.path))
        elif kind == "broken":
            self.reject(entry.path, "broken symbolic link")
        else:
            self.reject(entry.path, "not a regular file")


def _missing_reason(path: Path, err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    return os_reason(err)


def _entry_kind(entry: os.DirEntry) -> str:
    try:
        if entry.is_dir():
            return "dir"
        if entry.is_file():
            return "file"
        return "broken" if entry.is_symlink() and not os.path.exists(entry.path) else "other"
    except OSError:
        return "broken"
