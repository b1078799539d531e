"""Measure the sheets of a legacy .xls before python-calamine reads it.

calamine allocates a cell for every position between the first and the last
used cell, so a 6 KB .xls with one value in A1 and one in IV65536 costs about
1 GB of memory. This module walks the file's records without keeping any cell
values: the compound-file container (the "Workbook" stream inside it) and the
BIFF records in that stream, noting per sheet the declared DIMENSIONS and the
furthest row and column of any cell record. It reads at most the file itself
(the caller has checked its size) and never follows a sector chain in a circle.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF

_BOF, _EOF, _BOUNDSHEET, _DIMENSIONS, _FILEPASS = 0x0809, 0x000A, 0x0085, 0x0200, 0x002F
# records that start with row (2 bytes) and column (2 bytes)
_CELLS = frozenset({0x0006, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6, 0x0406})
_MULTIPLE = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK: last column in the last 2 bytes


class XlsFormatError(Exception):
    """The file is not a readable compound document with a workbook stream."""


class XlsEncrypted(Exception):
    """The workbook stream is encrypted, so its cells cannot be measured."""


@dataclass
class XlsSheet:
    name: str
    declared_rows: int = 0
    declared_columns: int = 0
    rows: int = 0
    columns: int = 0

    @property
    def extent(self) -> tuple[int, int]:
        """(rows, columns): what calamine will allocate, or what the file declares if more."""
        return max(self.rows, self.declared_rows), max(self.columns, self.declared_columns)


@dataclass
class _Container:
    data: bytes
    sector_size: int
    fat: list[int] = field(default_factory=list)

    def chain(self, start: int, sectors: list[int] | None = None) -> list[int]:
        table = self.fat if sectors is None else sectors
        found: list[int] = []
        seen: set[int] = set()
        sector = start
        while sector not in (_END_OF_CHAIN, _FREE):
            if sector in seen or sector >= len(table):
                raise XlsFormatError("sector chain is broken")
            seen.add(sector)
            found.append(sector)
            sector = table[sector]
        return found

    def sector(self, number: int) -> bytes:
        start = (number + 1) * self.sector_size
        if start >= len(self.data):
            raise XlsFormatError("sector beyond the end of the file")
        return self.data[start : start + self.sector_size]

    def read(self, start: int) -> bytes:
        return b"".join(self.sector(n) for n in self.chain(start))


def _u32s(data: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4]))


def workbook_stream(data: bytes) -> bytes:
    """The BIFF "Workbook" (or BIFF5 "Book") stream of a compound document."""
    if len(data) < 512 or data[:8] != _SIGNATURE:
        raise XlsFormatError("not a compound document")
    sector_shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if sector_shift not in (9, 12) or mini_shift != 6:
        raise XlsFormatError("unusual sector size")
    (fat_count, directory_start, _, mini_cutoff, mini_fat_start, _, difat_start, difat_count) = (
        struct.unpack_from("<IIIIIIII", data, 0x2C)
    )
    container = _Container(data, 1 << sector_shift)
    fat_sectors = _u32s(data[0x4C:0x200])
    sector = difat_start
    for _ in range(min(difat_count, len(data) // container.sector_size)):
        if sector in (_END_OF_CHAIN, _FREE):
            break
        numbers = _u32s(container.sector(sector))
        fat_sectors += numbers[:-1]
        sector = numbers[-1]
    fat_sectors = [s for s in fat_sectors if s not in (_END_OF_CHAIN, _FREE)][:fat_count]
    container.fat = [n for s in fat_sectors for n in _u32s(container.sector(s))]
    directory = container.read(directory_start)
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    if not entries:
        raise XlsFormatError("no directory")
    root = entries[0]
    for entry in entries:
        length = min(struct.unpack_from("<H", entry, 64)[0], 64)
        name = entry[: max(length - 2, 0)].decode("utf-16-le", "replace")
        if entry[66] != 2 or name not in ("Workbook", "Book"):
            continue
        start, size = struct.unpack_from("<II", entry, 116)
        if size >= mini_cutoff:
            return container.read(start)[:size]
        mini_stream = container.read(struct.unpack_from("<I", root, 116)[0])
        mini_fat = _u32s(container.read(mini_fat_start)) if mini_fat_start < _END_OF_CHAIN else []
        parts = [mini_stream[n * 64 : n * 64 + 64] for n in container.chain(start, mini_fat)]
        return b"".join(parts)[:size]
    raise XlsFormatError("no workbook stream")


def measure(data: bytes) -> list[XlsSheet]:
    """Every sheet's declared and real extent, from the bytes of an .xls file."""
    stream = workbook_stream(data)
    names: dict[int, str] = {}
    sheets: list[XlsSheet] = []
    # one entry per open BOF..EOF substream: the sheet it measures, or None for the
    # workbook globals and for charts embedded in a sheet
    open_streams: list[XlsSheet | None] = []
    globals_done = False
    current: XlsSheet | None = None
    position, end = 0, len(stream)
    unpack = struct.unpack_from
    while position + 4 <= end:
        kind, length = unpack("<HH", stream, position)
        body = position + 4
        position = body + length
        if kind in _CELLS:
            if current is not None and length >= 4:
                row, column = unpack("<HH", stream, body)
                if row >= current.rows:
                    current.rows = row + 1
                if column >= current.columns:
                    current.columns = column + 1
        elif kind in _MULTIPLE:
            if current is not None and length >= 6:
                row = unpack("<H", stream, body)[0]
                last = unpack("<H", stream, body + length - 2)[0]
                current.rows = max(current.rows, row + 1)
                current.columns = max(current.columns, last + 1)
        elif kind == _BOF:
            if not open_streams and globals_done:
                sheet = XlsSheet(names.get(body - 4, f"blad {len(sheets) + 1}"))
                sheets.append(sheet)
                open_streams.append(sheet)
            else:
                open_streams.append(None)
            current = open_streams[-1]
        elif kind == _EOF:
            if open_streams:
                open_streams.pop()
            globals_done = True
            current = open_streams[-1] if open_streams else None
        elif kind == _DIMENSIONS and current is not None:
            if length >= 14:  # BIFF8: 4-byte row numbers
                _, last_row, _, last_column = unpack("<IIHH", stream, body)
            elif length >= 8:  # BIFF5
                _, last_row, _, last_column = unpack("<HHHH", stream, body)
            else:
                continue
            current.declared_rows, current.declared_columns = last_row, last_column
        elif kind == _BOUNDSHEET and length >= 8:
            names[unpack("<I", stream, body)[0]] = _sheet_name(stream[body + 6 : body + length])
        elif kind == _FILEPASS:
            raise XlsEncrypted
    return sheets


def _sheet_name(data: bytes) -> str:
    if len(data) < 2:
        return ""
    count, flags = data[0], data[1]
    if flags & 1:
        return data[2 : 2 + 2 * count].decode("utf-16-le", "replace")
    return data[2 : 2 + count].decode("latin-1")
