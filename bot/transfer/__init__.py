"""Import and export of FAQ entries and courses (YAML, CSV, Excel) and course rosters.

Pure logic over the store, no web imports: `formats` reads and writes files, `columns` holds
the one set of rules every entry must pass (the seed loader uses them too), `planner` turns
checked rows into a dry-run report, `importer` applies a clean report in one transaction,
`exporter` and `roster` write files. docs/admin-import-export.md is the admins' guide.
"""

from __future__ import annotations

FAQ, COURSES = "faq", "courses"
KINDS = (FAQ, COURSES)
KIND_LABELS = {FAQ: "问答", COURSES: "课程"}
YAML, CSV, XLSX = "yaml", "csv", "xlsx"
FORMATS = (YAML, CSV, XLSX)
