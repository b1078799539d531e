"""Every reader's limits in one place, far above any school and far below a memory problem.

The CLI and the web app read the same files through the same readers; a reader
refuses input past these limits with a Dutch message (exit code 3) before it
costs much time or memory. The README lists them under "Grenzen".
"""

from __future__ import annotations

# Dossier, checklist, overlay and mapping files (YAML or JSON)
MAX_SOURCE_BYTES = 5 * 1024 * 1024
MAX_SOURCE_DEPTH = 40  # nesting levels; a dossier uses about 6
MAX_SOURCE_VALUES = 100_000  # keys, values and list items together
MAX_NUMBER_CHARS = 40  # a number written with more characters is not a dossier value

# Workbooks and CSV files for 'overdracht import'
MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024
MAX_IMPORT_UNZIPPED_BYTES = 300 * 1024 * 1024
MAX_IMPORT_ROWS = 100_000
MAX_IMPORT_COLUMNS = 500
MAX_IMPORT_CELLS = 4_000_000
# Text the cells expand to in memory: repeated .ods cells and shared strings counted
# every time they are used
MAX_IMPORT_TEXT_BYTES = 100 * 1024 * 1024

# PDF files for 'overdracht extract'
MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_EMBEDDED_JSON_BYTES = 10 * 1024 * 1024
