"""The same object of a requirement in the other sections of the criteria annex. An inspection visit finds "no
wheelchair given" (criterion 64); the media, the monitoring of reports and confirmed complaints each have one
criterion listing wheelchairs among other aids (76, 83, 89), with their own degree. A question naming how the
failure came to light ("в газете написали") is answered with that way's criterion, found from the plain requirement
its words match best.

Worked out from the texts alone: a criterion of another section lists a requirement when it repeats most of the
requirement's words, weighted by how rare each word is in the annex, clearly more than any other criterion of that
section does. Bracketed examples ("(гардероб, тіркеу орны, касса ...)") are left out: the lists repeat the object,
not its examples."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from knowledge.answer.index import Target

LISTS_SHARE = 0.4  # the share of the requirement's (rarity-weighted) words the listing criterion repeats, at least
LISTS_LEAD = 1.3  # ... this many times the share of the next criterion of its section
_BRACKETED = re.compile(r"\([^)]*\)")


class Counterparts:
    """For each criterion with an object of its own, the criterion of every other section that lists it."""

    def __init__(self, criteria: list[Target], words: Callable[[str], frozenset[str]]) -> None:
        own = [words(_BRACKETED.sub(" ", target.names[0])) for target in criteria]
        counts: dict[str, int] = {}
        for found in own:
            for word in found:
                counts[word] = counts.get(word, 0) + 1
        rarity = {word: math.log(len(criteria) / n) for word, n in counts.items()}
        sections: dict[str, list[int]] = {}
        for index, target in enumerate(criteria):
            sections.setdefault(target.rows[0]["section"] or "", []).append(index)
        self._listed: dict[tuple, dict[str, int]] = {}
        for index, target in enumerate(criteria):
            weight = sum(rarity[w] for w in own[index])
            if not weight:
                continue
            for section, members in sections.items():
                if section == (target.rows[0]["section"] or ""):
                    continue
                shares = sorted(((sum(rarity[w] for w in own[index] & own[m]) / weight, m) for m in members),
                                reverse=True)
                best, second = shares[0], (shares[1][0] if len(shares) > 1 else 0.0)
                if best[0] >= LISTS_SHARE and best[0] >= LISTS_LEAD * second:
                    self._listed.setdefault(target.ident, {})[section] = best[1]

    def listing(self, ident: tuple) -> dict[str, int]:
        """The criteria (their places in the list given) of other sections listing the object of the criterion
        `ident`, by section heading."""
        return self._listed.get(ident, {})
