"""Kinds of front-matter value, each able to say what is wrong with a value.

A field's `problem()` returns None for a good value, or a message and a hint. Values that
YAML 1.1 turned into something else (`no` into false, `012` into 10, `1:30` into 90) are
explained with the text the contributor actually wrote.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from commons.core.hints import nearest

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX_LENGTH = 60
Issue = tuple[str, str]  # (message, hint)


def describe_yaml_value(value: Any, raw: str | None) -> str:
    if raw is not None and str(raw) != str(value):
        return f"'{raw}', which YAML reads as {_type_name(value)} {value!r}"
    return f"{_type_name(value)} {value!r}"


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "the true/false value"
    if isinstance(value, (int, float)):
        return "the number"
    if isinstance(value, dt.date):
        return "the date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if value is None:
        return "nothing"
    return "the text"


class Kind:
    """Base: a kind checks one value; `raw` is the YAML source text of a scalar."""

    label = "a value"

    def problem(self, value: Any, raw: str | None) -> Issue | None:
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Kind):
    min_length: int = 1
    max_length: int = 2000
    plain: bool = False  # no '<' or '>': the theme writes titles into the page unescaped
    label = "text"

    def problem(self, value, raw):
        if not isinstance(value, str):
            quoted = raw if raw is not None else value
            return (f"expected text but found {describe_yaml_value(value, raw)}",
                    f"put the value in quotes, e.g. \"{quoted}\"")
        length = len(value.strip())
        if length < self.min_length:
            return (f"is too short ({length} characters, at least {self.min_length})",
                    "write a little more")
        if length > self.max_length:
            return (f"is too long ({length} characters, at most {self.max_length})",
                    "shorten it")
        if self.plain and re.search(r"[<>]", value):
            return ("contains '<' or '>', which a title may not",
                    "write it in plain words: titles go into the navigation and browser tab "
                    "as they are, so markup there could run script")
        return None


@dataclass(frozen=True)
class Date(Kind):
    label = "a date"

    def problem(self, value, raw):
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            return (f"expected a date but found {describe_yaml_value(value, raw)}",
                    "write the date as YYYY-MM-DD, without quotes, e.g. 2026-03-31")
        return None


@dataclass(frozen=True)
class Integer(Kind):
    minimum: int = 0
    maximum: int = 10_000
    label = "a whole number"

    def problem(self, value, raw):
        if isinstance(value, bool) or not isinstance(value, int):
            return (f"expected a whole number but found {describe_yaml_value(value, raw)}",
                    "write digits only, e.g. 90")
        if raw is not None and re.fullmatch(r"0\d+|\d+(?:_\d+)+|\d+(?::\d+)+|0[xob].*", raw):
            return (f"'{raw}' is read by YAML as {value}", "write the number plainly, e.g. 90")
        if not self.minimum <= value <= self.maximum:
            return (f"{value} is out of range", f"use a number from {self.minimum} to {self.maximum}")
        return None


@dataclass(frozen=True)
class Boolean(Kind):
    label = "true or false"

    def problem(self, value, raw):
        if not isinstance(value, bool):
            return (f"expected true or false but found {describe_yaml_value(value, raw)}",
                    "write true or false")
        if raw is not None and raw not in ("true", "false"):
            return (f"'{raw}' is read by YAML as {str(value).lower()}",
                    f"write {str(value).lower()} to be clear")
        return None


@dataclass(frozen=True)
class Choice(Kind):
    values: tuple[str, ...] = ()
    label = "one of a fixed list"

    def problem(self, value, raw):
        issue = Text(max_length=200).problem(value, raw)
        if issue:
            return issue
        if value not in self.values:
            return (f"'{value}' is not allowed", nearest(value, set(self.values)))
        return None


@dataclass(frozen=True)
class Ref(Kind):
    """An id of a row in a data table, or of a page; existence is checked later,
    when the data is loaded (see references.py)."""

    table: str = ""
    label = "an id"

    def problem(self, value, raw):
        issue = Text(max_length=ID_MAX_LENGTH).problem(value, raw)
        if issue:
            return issue
        if not ID_PATTERN.match(value):
            return (f"'{value}' is not a valid id",
                    "ids use lower-case letters, digits and single hyphens, e.g. care-act-2014")
        return None


@dataclass(frozen=True)
class Url(Kind):
    schemes: tuple[str, ...] = ("https",)
    label = "a web address"

    def problem(self, value, raw):
        issue = Text(max_length=500).problem(value, raw)
        if issue:
            return issue
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        if scheme not in self.schemes or re.search(r"[\s\"'<>`]", value):
            allowed = " or ".join(f"{s}:" for s in self.schemes)
            return (f"'{value}' is not an allowed address", f"use a full {allowed} address")
        return None


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind = Text()
    min_items: int = 1
    max_items: int = 50
    label = "a list"

    def problem(self, value, raw):
        if not isinstance(value, list):
            return (f"expected a list but found {describe_yaml_value(value, raw)}",
                    "write each item on its own line starting with '- '")
        if not self.min_items <= len(value) <= self.max_items:
            return (f"has {len(value)} items", f"give {self.min_items} to {self.max_items} items")
        for position, item in enumerate(value, start=1):
            issue = self.item.problem(item, None)
            if issue:
                return (f"item {position}: {issue[0]}", issue[1])
        if len(set(map(repr, value))) != len(value):
            return ("lists the same item twice", "remove the repeated item")
        return None


@dataclass(frozen=True)
class Field:
    """One front-matter field: its name, kind, whether it is required, and help."""

    name: str
    kind: Kind
    required: bool = True
    help: str = ""


@dataclass(frozen=True)
class Group(Kind):
    """A list of groups of fields, such as the steps of a pathway."""

    fields: tuple[Field, ...] = ()
    min_items: int = 1
    label = "a list of groups of fields"

    def problem(self, value, raw):
        if not isinstance(value, list) or not value:
            return ("expected a list of items, each with its own fields",
                    "start each item with '- ' and indent its fields under it")
        return None  # each item's fields are checked with their own lines by schema.check
