"""Streaming readers for import files: CSV, a JSON list of objects, NDJSON.

A reader decodes the file block by block and yields one raw row (a dict, exactly as the file
gave it) at a time, so memory does not grow with the file. Whatever makes the file as a whole
unreadable raises ``ImportFileError`` with one sentence a person can act on.
"""

import codecs
import csv
import json
import os
import sys
from dataclasses import dataclass, field

from .columns import EXTRA_KEY, UNPARSED_KEY, missing_required, unknown_columns

BLOCK_SIZE = 1 << 16
FORMATS = ("csv", "json", "ndjson")
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".json": "json",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_DELIMITERS = (",", ";", "\t")
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


class ImportFileError(ValueError):
    """The file as a whole cannot be read; the message says why."""


@dataclass
class RawRow:
    raw: dict
    messages: list = field(default_factory=list)


def detect_format(file_name, explicit=None):
    if explicit:
        if explicit not in FORMATS:
            raise ImportFileError(f"unknown format {explicit!r}: use one of {', '.join(FORMATS)}")
        return explicit
    extension = os.path.splitext(file_name or "")[1].lower()
    if extension not in _EXTENSIONS:
        raise ImportFileError(
            f"cannot tell the format of {file_name!r} from its extension: "
            "name it .csv, .json or .ndjson, or give the format"
        )
    return _EXTENSIONS[extension]


def file_size(fileobj):
    """The size of a binary file object in bytes, or None when it cannot be told without reading."""
    size = getattr(fileobj, "size", None)
    if size is not None:
        return size
    try:
        return os.fstat(fileobj.fileno()).st_size
    except (AttributeError, OSError, ValueError):
        pass
    try:
        position = fileobj.tell()
        end = fileobj.seek(0, os.SEEK_END)
        fileobj.seek(position)
        return end - position
    except (AttributeError, OSError, ValueError):
        return None


def check_size(size, max_bytes):
    if size is not None and max_bytes and size > max_bytes:
        raise ImportFileError(f"the file is {size:,} bytes, over the import limit of {max_bytes:,} bytes")


class TextStream:
    """Decodes a binary file incrementally (UTF-8 with or without BOM, UTF-16 with BOM).

    Decoding errors name the byte offset and line; the byte limit is enforced while reading,
    for streams whose size was not known in advance.
    """

    def __init__(self, fileobj, max_bytes=None):
        self.fileobj = fileobj
        self.max_bytes = max_bytes
        self.bytes_read = 0
        head = self._read()
        if not head:
            raise ImportFileError("the file is empty")
        self.encoding, self.label, bom_length = "utf-8", "UTF-8", 0
        for bom, encoding, label in _BOMS:
            if head.startswith(bom):
                self.encoding, self.label, bom_length = encoding, label, len(bom)
                break
        self._head = head[bom_length:]
        self._offset = bom_length  # file offset of the first byte of the next block to decode
        if self.encoding == "utf-8" and _looks_binary(self._head):
            raise ImportFileError("the file looks like binary data, not CSV or JSON text")
        self.line = 1

    def _read(self):
        block = self.fileobj.read(BLOCK_SIZE)
        if isinstance(block, str):
            block = block.encode("utf-8")
        self.bytes_read += len(block)
        if self.max_bytes and self.bytes_read > self.max_bytes:
            raise ImportFileError(f"the file is over the import limit of {self.max_bytes:,} bytes")
        return block

    def chunks(self):
        """Decoded text, block by block."""
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        block = self._head
        self._head = b""
        while True:
            final = not block
            pending = decoder.getstate()[0]
            try:
                text = decoder.decode(block, final=final)
            except UnicodeDecodeError as error:
                data = pending + block
                offset = self._offset - len(pending) + error.start
                line = self.line + data[: error.start].decode(self.encoding, "replace").count("\n")
                raise ImportFileError(
                    f"the file is not valid {self.label}: byte 0x{data[error.start]:02x} at byte offset "
                    f"{offset} (line {line}) cannot be decoded"
                ) from None
            self._offset += len(block)
            self.line += text.count("\n")
            if text:
                yield text
            if final:
                return
            block = self._read()

    def lines(self):
        """Lines with their line ends, split on "\\n" only (quoted CSV fields may hold "\\r")."""
        # The unfinished line is kept as pieces and joined once its end arrives: a line of many
        # blocks (one huge field) costs its length, not its length times its blocks.
        carry = []
        for text in self.chunks():
            if "\n" not in text:
                carry.append(text)
                continue
            pieces = text.split("\n")
            carry.append(pieces[0])
            yield "".join(carry) + "\n"
            for piece in pieces[1:-1]:
                yield piece + "\n"
            carry = [pieces[-1]]
        rest = "".join(carry)
        if rest:
            yield rest


def _looks_binary(head):
    sample = head[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return bool(sample) and controls / len(sample) > 0.05


class Reader:
    """Base: ``rows()`` yields RawRow; ``columns`` are the keys seen, ``notes`` file-level remarks."""

    def __init__(self, fileobj, max_bytes=None):
        self.stream = TextStream(fileobj, max_bytes=max_bytes)
        self.columns = {}  # insertion-ordered set
        self.notes = []

    def unknown_columns(self):
        return unknown_columns(self.columns)

    def _see(self, keys):
        for key in keys:
            if key not in self.columns:
                self.columns[key] = None


class CSVReader(Reader):
    def rows(self):
        lines = self.stream.lines()
        first = next(lines, None)
        while first is not None and not first.strip():
            first = next(lines, None)
        if first is None:
            raise ImportFileError("the file is empty")
        delimiter = max(_DELIMITERS, key=first.count)
        csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
        reader = csv.reader(_chain(first, lines), delimiter=delimiter)
        try:
            header = _unique_header(next(reader), self.notes)
            self._see(header)
            missing = missing_required(header)
            if missing:
                raise ImportFileError(
                    f"missing required column{'s' if len(missing) > 1 else ''}: {', '.join(missing)} "
                    f"(the header has: {', '.join(header)})"
                )
            count = 0
            for record in reader:
                if not any(cell.strip() for cell in record):
                    continue
                count += 1
                yield _csv_row(header, record, reader.line_num)
        except csv.Error as error:
            raise ImportFileError(f"the CSV file cannot be read at line {reader.line_num}: {error}") from None
        if not count:
            raise ImportFileError("the file has a header but no rows")


def _chain(first, rest):
    yield first
    yield from rest


def _unique_header(names, notes):
    header, seen = [], set()
    for position, name in enumerate(names, start=1):
        name = name.strip().lstrip("\ufeff") or f"column {position}"
        if name in seen:
            renamed = f"{name} ({position})"
            notes.append(f"column {position} repeats the name {name!r}; its values are kept as {renamed!r}")
            name = renamed
        seen.add(name)
        header.append(name)
    return header


def _csv_row(header, record, line_number):
    raw = dict(zip(header, record, strict=False))
    messages = []
    if len(record) > len(header):
        raw[EXTRA_KEY] = record[len(header) :]
        messages.append(
            {
                "level": "error",
                "stage": True,
                "text": f"line {line_number} has {len(record)} values but the header has {len(header)} "
                f"columns; the extra values are kept under {EXTRA_KEY!r}: move them to their columns",
            }
        )
    elif len(record) < len(header):
        messages.append(
            {
                "level": "error",
                "stage": True,
                "text": f"line {line_number} has {len(record)} values but the header has {len(header)} "
                f"columns (missing: {', '.join(header[len(record) :])}): check that no value moved",
            }
        )
    return RawRow(raw, messages)


class JSONReader(Reader):
    """A JSON list of objects, decoded one object at a time with ``raw_decode``."""

    def rows(self):
        decoder = json.JSONDecoder()
        chunks = self.stream.chunks()
        buffer, position, exhausted = "", 0, False

        def more(at_least=1):
            """Append at least ``at_least`` more characters (fewer at the end of the file)."""
            nonlocal buffer, position, exhausted
            parts, added = [buffer[position:]], 0
            while added < at_least:
                text = next(chunks, None)
                if text is None:
                    exhausted = True
                    break
                parts.append(text)
                added += len(text)
            if not added:
                return False
            buffer, position = "".join(parts), 0
            return True

        def skip_space():
            nonlocal position
            while True:
                while position < len(buffer) and buffer[position] in " \t\r\n":
                    position += 1
                if position < len(buffer) or not more():
                    return

        skip_space()
        if position >= len(buffer):
            raise ImportFileError("the file is empty")
        if buffer[position] != "[":
            raise ImportFileError(
                f"a JSON import file must be a list of objects ([{{...}}, ...]); it starts with "
                f"{buffer[position]!r}"
            )
        position += 1
        count = 0
        while True:
            skip_space()
            if position >= len(buffer):
                raise ImportFileError(f"the JSON list ends early, after {count} objects")
            if buffer[position] == "]":
                break
            if count:
                if buffer[position] != ",":
                    raise ImportFileError(f"JSON object {count} is followed by {buffer[position]!r}, not ','")
                position += 1
                skip_space()
            while True:
                try:
                    item, end = _decode(decoder, buffer, position, count + 1)
                    break
                except json.JSONDecodeError as error:
                    # An item not complete yet: at least double what is read of it before trying
                    # again, so a huge item is decoded a few times, not once per block.
                    if exhausted or not more(max(len(buffer) - position, 1)):
                        raise ImportFileError(
                            f"JSON item {count + 1} is not valid JSON: {error.msg} (line {error.lineno} "
                            f"of the item, column {error.colno})"
                        ) from None
            position = end
            count += 1
            if not isinstance(item, dict):
                raise ImportFileError(f"JSON item {count} is a {type(item).__name__}, not an object")
            self._see(item)
            yield RawRow(item)
        position += 1
        skip_space()
        if position < len(buffer):
            raise ImportFileError("the JSON list is followed by more data")
        if not count:
            raise ImportFileError("the JSON list holds no rows")


def _decode(decoder, text, position, number):
    """``raw_decode`` with the failures json raises as other exceptions turned into a clear error."""
    try:
        return decoder.raw_decode(text, position)
    except RecursionError:
        raise ImportFileError(f"JSON item {number} is nested too deeply to read") from None
    except json.JSONDecodeError:
        raise
    except ValueError as error:  # a number of more digits than Python converts (sys.int_info)
        raise ImportFileError(f"JSON item {number} cannot be read: {error}") from None


class NDJSONReader(Reader):
    """One JSON object per line; a line that is not one is staged as text for review."""

    def rows(self):
        count = 0
        for line_number, line in enumerate(self.stream.lines(), start=1):
            text = line.strip()
            if not text:
                continue
            count += 1
            try:
                item = json.loads(text)
            except json.JSONDecodeError as error:
                item, reason = None, f"{error.msg} at column {error.colno}"
            except RecursionError:
                item, reason = None, "it is nested too deeply to read"
            except ValueError as error:  # a number of more digits than Python converts
                item, reason = None, f"it cannot be read: {error}"
            else:
                reason = None if isinstance(item, dict) else f"it is a {type(item).__name__}, not an object"
            if reason:
                yield RawRow(
                    {UNPARSED_KEY: line.rstrip("\r\n")},
                    [
                        {
                            "level": "error",
                            "stage": True,
                            "text": f"line {line_number} is not a JSON object ({reason}); "
                            f"it is kept as text under {UNPARSED_KEY!r}",
                        }
                    ],
                )
                continue
            self._see(item)
            yield RawRow(item)
        if not count:
            raise ImportFileError("the file is empty")


READERS = {"csv": CSVReader, "json": JSONReader, "ndjson": NDJSONReader}


def open_reader(fileobj, file_format, max_bytes=None):
    return READERS[file_format](fileobj, max_bytes=max_bytes)
