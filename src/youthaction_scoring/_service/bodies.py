"""Request bodies: which format a body is in, and reading it within the limits.

An assessment arrives as a JSON document (``application/json``), JSON Lines
(``application/x-ndjson``), or a register: the workbook itself (its media
type) or uploaded in a form (``multipart/form-data``, field ``file``). The
size limit is enforced by the guard while the body arrives
(:mod:`.guard`); here a body is read whole or spooled to a temporary file,
so a large JSON Lines body never sits in memory.
"""

from __future__ import annotations

import tempfile
from typing import IO, Final

from python_multipart.exceptions import ParseError
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from .._domain.errors import Problem
from .answers import SPOOL_BYTES
from .problems import ServiceProblem, invalid
from .service_texts import ServiceText

JSON: Final = "application/json"
NDJSON: Final = "application/x-ndjson"
XLSX: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORM: Final = "multipart/form-data"

BODY_FORMATS: Final[dict[str, str]] = {JSON: "json", NDJSON: "jsonl", XLSX: "xlsx", FORM: "form"}
"""The media types an assessment may be sent in, and the reader each one takes."""

FORM_FIELD: Final = "file"
"""The form field a register is uploaded in."""

INPUT_PART: Final = "input"
"""The form part of the first input, for an operation that reads two (``compare``)."""


def body_format(content_type: str | None) -> str:
    """``json``, ``jsonl``, ``xlsx`` or ``form``: the reader for a ``Content-Type``.

    Raises:
        ServiceProblem: 415 for a missing or unsupported type, or a JSON
            body in a character set other than UTF-8.
    """
    if not content_type:
        raise ServiceProblem("unsupported-media-type", ServiceText.NO_MEDIA_TYPE())
    media, _, params = content_type.partition(";")
    media = media.strip().lower()
    found = BODY_FORMATS.get(media)
    charset = ""
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    if found is None or (found in ("json", "jsonl") and charset not in ("", "utf-8", "utf8")):
        shown = ", ".join(BODY_FORMATS)
        raise ServiceProblem(
            "unsupported-media-type", ServiceText.MEDIA_TYPE_DETAIL(content_type, shown)
        )
    return found


async def read_body(request: Request, fmt: str) -> tuple[bytes, str]:
    """The body's bytes and the format to read them in (a form gives its register).

    Raises:
        ServiceProblem: 422 for a form without a register.
    """
    if fmt != "form":
        return await request.body(), fmt
    try:
        async with request.form(max_files=1, max_fields=16) as form:
            upload = form.get(FORM_FIELD)
            if upload is None or isinstance(upload, str):
                raise invalid([Problem(FORM_FIELD, ServiceText.NO_FILE())])
            return await upload.read(), "xlsx"
    except HTTPException as exc:  # Starlette's word for a form it cannot parse
        raise invalid([Problem("", ServiceText.BAD_FORM(exc.detail))]) from None
    except (MultiPartException, ParseError) as exc:  # older Starlette lets these through
        raise invalid([Problem("", ServiceText.BAD_FORM(str(exc)))]) from None


async def read_parts(request: Request, names: tuple[str, ...]) -> dict[str, bytes]:
    """The parts *names* of a form (two inputs: ``input`` and ``against``), those given.

    Raises:
        ServiceProblem: 422 for a form that cannot be read or lacks ``input``.
    """
    found: dict[str, bytes] = {}
    try:
        async with request.form(max_files=len(names), max_fields=16) as form:
            for name in names:
                part = form.get(name)
                if part is not None:
                    found[name] = (
                        part.encode("utf-8") if isinstance(part, str) else await part.read()
                    )
    except HTTPException as exc:  # Starlette's word for a form it cannot parse
        raise invalid([Problem("", ServiceText.BAD_FORM(exc.detail))]) from None
    except (MultiPartException, ParseError) as exc:  # older Starlette lets these through
        raise invalid([Problem("", ServiceText.BAD_FORM(str(exc)))]) from None
    if INPUT_PART not in found:
        raise invalid([Problem(INPUT_PART, ServiceText.NO_PART(INPUT_PART))])
    return found


async def spool_body(request: Request) -> IO[bytes]:
    """Spool the body to a temporary file (memory up to a MiB), returned at its start."""
    spooled = tempfile.SpooledTemporaryFile(SPOOL_BYTES)  # noqa: SIM115 - the caller closes it
    try:
        async for chunk in request.stream():
            spooled.write(chunk)
    except BaseException:
        spooled.close()
        raise
    spooled.seek(0)
    return spooled
