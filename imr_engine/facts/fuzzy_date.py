"""Dates as letters write them: a day, a month ("February of 2015") or only a year ("2011").

A start date of "since at least February 2015" is known only to the month; the
duration it implies is a lower bound, computed from the *latest* day the text
allows, so a derived "long-term use" is never overstated.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

_FORMS = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class FuzzyDate:
    """A calendar date known to the year, the month or the day; written 'YYYY[-MM[-DD]]'."""

    __slots__ = ("year", "month", "day")

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if day is not None and month is None:
            raise ValueError("a day needs a month")
        # Validate by building the earliest date it denotes.
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
        self.year, self.month, self.day = year, month, day

    @classmethod
    def parse(cls, value: object) -> FuzzyDate:
        if isinstance(value, FuzzyDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and 1000 <= value <= 9999:
            return cls(value)
        if isinstance(value, str):
            m = _FORMS.match(value.strip())
            if m:
                y, mo, d = m.groups()
                return cls(int(y), int(mo) if mo is not None else None, int(d) if d is not None else None)
        raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        if self.day:
            return dt.date(self.year, self.month or 1, self.day)
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __repr__(self) -> str:
        return f"FuzzyDate('{self}')"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FuzzyDate) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "description": "A date known to the year, month or day: YYYY, YYYY-MM or YYYY-MM-DD.",
        }
