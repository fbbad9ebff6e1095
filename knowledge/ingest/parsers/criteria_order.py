"""The criteria order's own text: its body paragraphs from "БҰЙЫРАМЫЗ:" to the signatures, including the amendments
it makes and the legal definitions of the violation degrees ("елеулі бұзушылық", "өрескел бұзушылық").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.domain import DEGREE_KK, Passage
from knowledge.ingest.manifest import Document
from knowledge.ingest.repair import join_cell

DEGREE_BY_KK = {kk: degree for degree, kk in DEGREE_KK.items()}

# The order's body: a paragraph starts on an indented line; amendment instructions are printed between them.
_INDENT = re.compile(r"^ {6,}\S")
_LABEL = re.compile(r'^"?(\d+(?:-\d+)?)([.)])\s')
_INSTRUCTION = re.compile(r"редакцияда жазылсын|мазмұндағы|толықтыр|^:")
_AMENDED_PARAGRAPH = re.compile(r"(\d+)-тармақ")
_DEFINITION = re.compile(r'^"?(?:\d+\)\s*)?(' + "|".join(DEGREE_BY_KK) + r")\s+бұзушылық")


class CriteriaLayoutError(ValueError):
    """The source does not have the layout this parser was checked against; the message says where."""



def first_line(lines: list[str], start: int, end: int, test: Callable[[str], bool]) -> int:
    return next((index for index in range(start, end) if test(lines[index])), end)



# --- the order's body -----------------------------------------------------------------------------------------------


@dataclass
class _Unit:
    """An indented line and the unindented lines wrapped under it."""

    first: int
    last: int
    lines: list[str]


def parse_order_body(lines: list[str], document: Document) -> list[Passage]:
    """The order's paragraphs, from "БҰЙЫРАМЫЗ:" to the signatures, and the act's heading above them.

    An indented line opens a unit. Units that are amendment instructions ("... мынадай редакцияда жазылсын")
    become the title of the amended text that follows; unlabelled, unquoted units continue the previous paragraph
    (the indented bullets of a definition).
    """
    start = first_line(lines, 0, len(lines), lambda line: line.strip() == "БҰЙЫРАМЫЗ:")
    if start == len(lines):
        raise CriteriaLayoutError("\"БҰЙЫРАМЫЗ:\" not found: the order's body is missing")
    signature = first_line(lines, start, len(lines), lambda line: "____" in line)
    # The body ends where the first signature's paragraph ("Қазақстан Республикасы ... министрі ____") begins.
    stop = next(index for index in range(signature, start, -1) if _INDENT.match(lines[index]))
    heading = [line for line in lines[:start] if line.strip()]
    passages = [
        Passage(document.id, None, "", "paragraph", join_cell(heading), 1, start, extra={"role": "heading"})
    ] if heading else []

    units: list[_Unit] = []
    for index in range(start + 1, stop):
        line = lines[index]
        if not line.strip():
            continue
        if _INDENT.match(line) or not units:
            units.append(_Unit(index, index, [line]))
        else:
            units[-1].lines.append(line)
            units[-1].last = index

    order_paragraph = ""
    instruction = ""
    current: Passage | None = None
    current_lines: list[str] = []
    for unit in units:
        body = unit.lines[0].strip()
        label = _LABEL.match(body)
        quoted = body.startswith('"')
        if label and not quoted and label[2] == ".":
            order_paragraph, instruction = label[1], ""
        elif not label and not quoted and _INSTRUCTION.search(join_cell(unit.lines)):
            instruction, current = join_cell(unit.lines), None
            continue
        if label or quoted or current is None:
            item = (label[1] + (")" if label[2] == ")" else "")) if label else ""
            current_lines = []
            current = Passage(document.id, None, item, "paragraph", "", unit.first + 1, unit.last + 1,
                              title=instruction, extra={"order_paragraph": order_paragraph})
            if instruction:
                current.extra["amends"] = instruction
                amended = _AMENDED_PARAGRAPH.search(instruction)
                if amended:
                    current.extra["paragraph"] = amended[1]
            passages.append(current)
        current_lines.extend(unit.lines)
        current.text = join_cell(current_lines)
        current.line_end = unit.last + 1
    for passage in passages:
        definition = _DEFINITION.match(passage.text)
        if definition:
            passage.kind = "definition"
            passage.extra["degree"] = DEGREE_BY_KK[definition[1]]
    return passages
