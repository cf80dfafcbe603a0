"""Problems found in content or data, each with a location and a fix hint.

Every rule reports into a list of these; the build fails once, listing them all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, order=True)
class Origin:
    """Where a record or a generated file comes from: a file, and a line or a table row."""

    path: str  # relative to the project root, with forward slashes
    line: int | None = None  # 1-based line in a Markdown file
    row: int | None = None  # 1-based spreadsheet row (the header is row 1)

    def __str__(self) -> str:
        if self.row is not None:
            return f"{self.path}:row {self.row}"
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def problem(self, message: str, hint: str = "", field: str | None = None,
                line: int | None = None) -> "Problem":
        """A problem at this origin (at `line` instead, when the exact line is known)."""
        return Problem(self.path, line if line is not None else self.line, self.row, field,
                       message, hint)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, where it is, and what to do about it."""

    path: str  # relative to the project root, with forward slashes
    line: int | None = None  # 1-based line in a Markdown file
    row: int | None = None  # 1-based spreadsheet row in a CSV (the header is row 1)
    field: str | None = None
    message: str = ""
    hint: str = ""
    severity: str = "error"  # "error" or "warning"
    code: str = ""  # the rule that found it, e.g. "CM201" (`make check --explain CM201`)

    def coded(self, code: str) -> "Problem":
        """This problem under a rule's code, unless it already carries one."""
        return self if self.code else replace(self, code=code)

    @property
    def location(self) -> str:
        if self.row is not None:
            where = f"{self.path}:row {self.row}"
            return f"{where}:{self.field}" if self.field else where
        if self.line is not None:
            return f"{self.path}:{self.line}"
        return self.path

    def text(self) -> str:
        """`path:line: message (hint)`, one line, for people."""
        hint = f" ({self.hint})" if self.hint else ""
        label = "warning: " if self.severity == "warning" else ""
        return f"{self.location}: {label}{self.message}{hint}"

    def github(self) -> str:
        """A GitHub Actions workflow command that annotates the file and line."""
        props = [f"file={_escape_property(self.path)}"]
        if self.line is not None:
            props.append(f"line={self.line}")
        elif self.row is not None:
            props.append(f"line={self.row}")
        title = " ".join(filter(None, (self.code, self.field))) or "commons check"
        props.append(f"title={_escape_property(title)}")
        hint = f" ({self.hint})" if self.hint else ""
        body = _escape_data(f"{self.location}: {self.message}{hint}")
        return f"::{self.severity} {','.join(props)}::{body}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def format_problems(problems: list[Problem], style: str = "text") -> str:
    """All problems, sorted by place, one per line."""
    render = Problem.github if style == "github" else Problem.text
    return "\n".join(render(p) for p in sorted(problems, key=_sort_key))


def _sort_key(p: Problem) -> tuple:
    return (p.path, p.line or 0, p.row or 0, p.field or "", p.message)
