"""The content model: the single truth of what a scenario, course, standard and
force profile may contain.

Every field carries a description because those descriptions become the JSON
Schema editors use (`casebook schema`). Extra fields are forbidden so a typo is
reported instead of silently ignored. Rules that span several fields of one
object live here as validators; rules that span files (cross-references,
the branching graph) live in `casebook.crossref`.
"""

from .common import field_error, option_letter
from .course import Assessment, Course, Quote
from .force import Colours, Force, PolicyLink, ReportingRoute
from .scenario import (BasedOn, Choice, Decision, Exhibit, Message, Option, Outcome, Question, Review,
                       Scenario, Source, Step)
from .standards import Catalogue, Standard, StandardsFile

__all__ = ["Assessment", "BasedOn", "Catalogue", "Choice", "Colours", "Course", "Decision", "Exhibit",
           "Force", "Message", "Option", "Outcome", "PolicyLink", "Question", "Quote", "ReportingRoute",
           "Review", "Scenario", "Source", "Standard", "StandardsFile", "Step", "field_error",
           "option_letter"]
