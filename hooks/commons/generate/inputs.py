"""What each generator reads of the model, so that its files are made again only when that
part changed: a teacher row's edit remakes the pages that show teachers, not the calendars.

A generator names the parts it reads with `@reads(...)`: fields of Commons ("teachers",
"pages", "data_label"...). The cross index counts as the parts it is made from (INDEX_PARTS),
and a page is read without its body: no generator shows one, so editing a page's text
makes no generated file again. A generator is run on a view of the model that refuses
every other part, so a generator that starts reading something new fails at once, in every
build and test, with a message saying where to name it; it never serves a stale file.

The preview keeps each page's context the same way: `tracked` notes the parts, and the
records read by key, that a page's context read, and the page is put through its template
again only when one of them changed (render/preview.py).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import json
import pickle
import re
from collections.abc import Callable, Mapping
from typing import Any

from commons.load.settings import Settings
from commons.model.index import CrossIndex
from commons.model.records import Commons, Page

PARTS = frozenset(f.name for f in dataclasses.fields(Commons)) - {"index"}
# The cross index is made from the pages' fields and the events table, nothing else.
INDEX_PARTS = {name: "events" if name in ("events_by_session", "parts_in_series") else "pages"
               for name in (f.name for f in dataclasses.fields(CrossIndex))}
_KEYED = re.compile(r"(?P<index>index\.)?(?P<part>\w+)\[(?P<key>.*)\]", re.DOTALL)
_SETTINGS = "settings"  # not a part of the model: where key() keeps the settings' digest


class UnnamedRead(RuntimeError):
    """A generator read a part of the model its @reads does not name."""


def reads(*parts: str) -> Callable:
    """Name the parts of the model a generator reads."""
    unknown = set(parts) - PARTS
    if unknown:
        raise ValueError(f"no such part of the model: {', '.join(sorted(unknown))}")

    def named(generator: Callable) -> Callable:
        generator.reads = frozenset(parts)
        return generator
    return named


def parts_read(generator: Callable) -> frozenset[str] | None:
    """The parts a generator reads; None for one that does not say (it reads everything)."""
    return getattr(generator, "reads", None)


def key(commons: Commons, settings: Settings, parts: frozenset[str] | None,
        fingerprints: dict[str, bytes]) -> bytes:
    """What is made from the given parts of the model (all of them for None) depends on:
    those parts and the settings. fingerprints keeps each part's digest, made once for all
    the generators, or all the pages, of a build."""
    names = sorted(PARTS if parts is None else parts)
    for name in names:
        if name not in fingerprints:
            fingerprints[name] = _fingerprint(commons, name)
    if _SETTINGS not in fingerprints:
        fingerprints[_SETTINGS] = hashlib.blake2b(_json(settings), digest_size=16).digest()
    return b"".join([fingerprints[_SETTINGS], *(name.encode() + fingerprints[name]
                                                for name in names)])


def guarded(commons: Commons, generator: Callable) -> Commons:
    """The model as the generator may read it: a copy that refuses the parts it does not
    name (the whole model for a generator that names none)."""
    parts = parts_read(generator)
    if parts is None:
        return commons
    return _view(commons, _Refusing(f"{generator.__module__}.{generator.__qualname__}", parts))


def tracked(commons: Commons) -> tuple[Commons, set[str]]:
    """A copy of the model that notes each part read, and the set it notes them in. A table
    of records, or a grouping of the cross index, read by key alone is noted record by
    record ("teachers[ada-brook]", "index.events_by_session[care-act]"): a page showing one
    teacher depends on that teacher's row, not on the whole table."""
    noted: set[str] = set()

    def reading(part: str, read: str = "") -> None:
        noted.add(part)

    return _view(commons, reading, noted), noted


def model_key(commons: Commons, settings: Settings) -> bytes:
    """Everything a generator can read, as one key: every part and the settings."""
    return key(commons, settings, None, {})


class _Refusing:
    """Lets a generator read the parts it names and refuses the others."""

    def __init__(self, generator: str, parts: frozenset[str]) -> None:
        self.generator, self.parts = generator, parts

    def __call__(self, part: str, read: str = "") -> None:
        if part not in self.parts:
            made_from = f", made from '{part}'" if read else ""
            raise UnnamedRead(f"{self.generator} reads commons.{read or part}{made_from}: "
                              f"add '{part}' to its @reads(...)")


def _view(commons: Commons, reading: Callable[..., None], by_key: set[str] | None = None
          ) -> Commons:
    """A shallow copy of the model (and of its cross index) that calls reading(part) on
    each read of a part, before giving it; with by_key, a mapping is given as one that adds
    each key read to by_key, and calls reading only when the mapping is read as a whole."""
    index = copy.copy(commons.index)
    object.__setattr__(index, "__class__", _ReadIndex)
    object.__setattr__(index, "_reading", (reading, by_key))
    view = copy.copy(commons)
    object.__setattr__(view, "__class__", _ReadCommons)
    object.__setattr__(view, "_reading", (reading, by_key))
    object.__setattr__(view, "index", index)
    return view


class _ReadCommons(Commons):
    """Never made directly: _view gives a copy of the model this class."""

    def __getattribute__(self, name: str) -> Any:
        value = object.__getattribute__(self, name)
        if name in PARTS:
            reading, by_key = object.__getattribute__(self, "_reading")
            if by_key is not None and isinstance(value, dict):
                return _ByKey(value, name, lambda: reading(name), by_key)
            reading(name)
        return value


class _ReadIndex(CrossIndex):
    def __getattribute__(self, name: str) -> Any:
        value = object.__getattribute__(self, name)
        if name in INDEX_PARTS:
            reading, by_key = object.__getattribute__(self, "_reading")
            part = INDEX_PARTS[name]
            if by_key is not None and isinstance(value, dict):
                return _ByKey(value, f"index.{name}", lambda: reading(part, f"index.{name}"),
                              by_key)
            reading(part, f"index.{name}")
        return value


class _ByKey(Mapping):
    """A mapping of the model that notes each key read ("teachers[ada-brook]"), or calls
    whole() when it is read as a whole (its length, its keys, its values)."""

    def __init__(self, mapping: dict, name: str, whole: Callable[[], None],
                 noted: set[str]) -> None:
        self._mapping, self._name, self._whole, self._noted = mapping, name, whole, noted

    def _read(self, key: Any) -> None:
        if isinstance(key, str):
            self._noted.add(f"{self._name}[{key}]")
        else:  # a key only a string can be named by: the mapping counts as read whole
            self._whole()

    def __getitem__(self, key: Any) -> Any:
        self._read(key)
        return self._mapping[key]

    def get(self, key: Any, default: Any = None) -> Any:
        self._read(key)
        return self._mapping.get(key, default)

    def __contains__(self, key: object) -> bool:
        self._read(key)
        return key in self._mapping

    def __iter__(self):
        self._whole()
        return iter(self._mapping)

    def keys(self):
        self._whole()
        return self._mapping.keys()

    def values(self):
        self._whole()
        return self._mapping.values()

    def items(self):
        self._whole()
        return self._mapping.items()

    def __len__(self) -> int:
        self._whole()
        return len(self._mapping)


def _fingerprint(commons: Commons, name: str) -> bytes:
    """A digest of one part of the model, or of one key of it ("teachers[ada-brook]",
    "index.by_path[about.md]"); pages without their bodies."""
    found = _KEYED.fullmatch(name)
    if found:
        holder = commons.index if found["index"] else commons
        value = getattr(holder, found["part"]).get(found["key"])
    else:
        value = getattr(commons, name)
    if name == "pages":
        data = _json(list(value.values()))
    elif found and (found["index"] or found["part"] == "pages"):  # pages, steps or events
        data = _json(value)
    else:
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            data = _json(value)
    return hashlib.blake2b(data, digest_size=16).digest()


def _json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, default=_plain).encode("utf-8", "surrogatepass")


def _plain(value: Any) -> Any:
    """A value json cannot write, as one that is the same in every run (a set's order is
    not: strings hash differently from one process to the next); a page as every field but
    its body and what it includes (no generator, and no page's context, reads those)."""
    if isinstance(value, Page):
        return [value.src_path, value.id, value.type, value.title, value.summary, value.meta,
                value.body_line, value.origin]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return repr(value)
