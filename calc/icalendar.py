"""An iCalendar file (RFC 5545) of all-day reminders, written with the standard library.

CRLF line ends; VERSION and PRODID on the calendar; UID, DTSTAMP, DTSTART and DTEND (all-day,
VALUE=DATE) on each event; text escaped (section 3.3.11) and lines folded at 75 octets
(section 3.1), never inside a UTF-8 character.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

PRODID = "-//Mega backdoor Roth guides//Year plan//EN"


@dataclass(frozen=True)
class Reminder:
    day: datetime.date
    summary: str
    description: str


def escape_text(text: str) -> str:
    """TEXT values: backslash, semicolon, comma and newline escaped (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """A content line folded into pieces of at most 75 octets, continued with CRLF + space."""
    if line.isascii():  # one octet a character: cut by length
        return "\r\n ".join(
            [line[:75]] + [line[start : start + 74] for start in range(75, len(line), 74)]
        )
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not pieces else 74  # a continuation starts with the space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def calendar_text(name: str, reminders: list[Reminder], stamp: datetime.date) -> str:
    """The whole .ics file. UIDs and DTSTAMP come from the content, so the same plan gives the same
    file."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for reminder in reminders:
        digest = hashlib.sha256(f"{reminder.day}|{reminder.summary}".encode()).hexdigest()[:20]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{digest}@year-plan.megabackdoor",
            f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{reminder.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{reminder.day + datetime.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(reminder.summary)}",
            f"DESCRIPTION:{escape_text(reminder.description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
