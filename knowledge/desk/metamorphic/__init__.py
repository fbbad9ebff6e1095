"""The metamorphic suite: questions generated from the knowledge base itself (every tariff row and risk criterion,
in kk, ru and en, perturbed as people type), each with the row a right answer leads with; `komekshi metamorphic`."""

from knowledge.desk.metamorphic.cases import Case, Pair, criterion_cases, tariff_cases
from knowledge.desk.metamorphic.check import Checker, Report, run
from knowledge.desk.metamorphic.words import Vocabulary

__all__ = ["Case", "Checker", "Pair", "Report", "Vocabulary", "criterion_cases", "run", "tariff_cases"]
