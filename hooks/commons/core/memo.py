"""Results of slow, pure steps kept between runs, by a hash of the input that made them.

`make check` and every build parse each page, score its readability and validate the tables,
though most inputs have not changed since the last run. `remembered` keeps each result in one
file per kind of result (in `.cache/check/`), under a hash of its input and beside a version:
a hash of the commons' own code, the Python version and every installed package's name and
version. A file made by other code is never read, so a stale cache cannot give a wrong
answer. Each run writes the file anew with only the entries it used, so it holds one
commons' worth and no more.

Two runs at once are safe: the file is written beside its place and renamed over it, so a
reader sees the old file or the new one, never half of one (the slower writer's entries win).
A file that cannot be read, is damaged, or holds anything but the plain data and records of
the commons is ignored and its results made again; a cache that cannot be written is left.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any, TypeVar

Input = TypeVar("Input")
Result = TypeVar("Result")

_PACKAGE = Path(__file__).resolve().parent.parent  # hooks/commons/


def _code_version() -> str:
    """A hash of every file of the commons package, the Python version and the installed
    packages (their dist-info folders are named name-version)."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=16)
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for folder in sys.path:
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            continue
        digest.update("\0".join(n for n in names if n.endswith((".dist-info", ".egg-info")))
                      .encode())
    return digest.hexdigest()


# Taken once, when the package is imported: the code that is running, even when its files
# are edited while `mkdocs serve` keeps it loaded.
VERSION = _code_version()


def remembered(folder: Path | None, kind: str, inputs: Sequence[Input],
               key: Callable[[Input], bytes],
               make: Callable[[list[Input]], list[Result]]) -> list[Result]:
    """make(inputs), in order, where only the inputs whose key(input) was not seen by the
    last run are made; key gives everything a result depends on. folder None: nothing is
    kept, everything made."""
    if folder is None:
        return make(list(inputs))
    path = Path(folder) / f"{kind}.pickle"
    known = _read(path)
    digests = [hashlib.blake2b(key(item), digest_size=16).digest() for item in inputs]
    todo = [index for index, digest in enumerate(digests) if digest not in known]
    made = dict(zip((digests[i] for i in todo), make([inputs[i] for i in todo]))) if todo else {}
    kept = {digest: known[digest] if digest in known else made[digest] for digest in digests}
    if made or kept.keys() != known.keys():
        _write(path, kept)
    return [kept[digest] for digest in digests]


def each(folder: Path | None, kind: str, inputs: Sequence[tuple],
         one: Callable[..., Result]) -> list[Result]:
    """one(*arguments) for each tuple of arguments, kept as `remembered` keeps results; the
    arguments are plain values (text, numbers, tuples of them), which are the whole key."""
    return remembered(folder, kind, inputs, key_of,
                      lambda todo: [one(*arguments) for arguments in todo])


def key_of(arguments: tuple) -> bytes:
    """Plain arguments as bytes, each text with its length before it (quicker than repr
    for whole pages, and no two lists of arguments give the same bytes)."""
    parts = []
    for argument in arguments:
        if isinstance(argument, str):
            data = argument.encode("utf-8", "surrogatepass")
            parts += [b"s%d:" % len(data), data]
        else:
            parts.append(b"r" + repr(argument).encode("utf-8", "surrogatepass") + b"\0")
    return b"".join(parts)


def _read(path: Path) -> dict[bytes, Any]:
    try:
        with path.open("rb") as handle:
            version, entries = _Unpickler(handle).load()
    except Exception:  # missing, damaged or refused: made again  # noqa: BLE001
        return {}
    return entries if version == VERSION and isinstance(entries, dict) else {}


def _write(path: Path, entries: dict[bytes, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((VERSION, entries), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # a read-only checkout still checks, only without keeping results


_PLAIN = {
    ("builtins", name) for name in ("dict", "list", "tuple", "set", "frozenset", "str",
                                    "bytes", "int", "float", "bool", "complex", "NoneType")
} | {("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone")} | {
    ("decimal", "Decimal"), ("zoneinfo", "ZoneInfo"), ("zoneinfo", "ZoneInfo._unpickle"),
    ("copyreg", "_reconstructor"),
}


class _Unpickler(pickle.Unpickler):
    """Builds plain data and the commons' own records, nothing else: a pickle can name any
    function to call, and a cache file could come from somewhere else than this machine."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _PLAIN:
            return super().find_class(module, name)
        if module.startswith("commons."):
            found = super().find_class(module, name)
            if isinstance(found, type) and (is_dataclass(found) or issubclass(found, dict)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not kept in the cache")

