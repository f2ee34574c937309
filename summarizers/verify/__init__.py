"""Is a summary faithful to its article? Sentence by sentence, with evidence and problems.

The default checker is offline: features of each sentence against its best article sentences
(names, numbers, dates, negation, modality, who did what), scored by a logistic model fitted on
human judgements (FRANK). An optional judge model can be asked about unsure sentences.
"""

from summarizers.verify.checker import Analysis, Checker, Report, SentenceVerdict, analyse
from summarizers.verify.checks import Problem
from summarizers.verify.reference import ArticleIndex

__all__ = ["Analysis", "ArticleIndex", "Checker", "Problem", "Report", "SentenceVerdict", "analyse"]
