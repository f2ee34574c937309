"""One story, one item: reports that tell the same story are found and merged.

`group_reports` clusters reports with the fitted pair model (text similarity of body and
lead, shared names, publication times); `merge_story` makes one item of each group;
`stories` does both.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizers.stories.cluster import cluster_profiles
from summarizers.stories.item import Report, Source, SourcedPoint, SourcedQuote, StoryItem
from summarizers.stories.merge import merge_story
from summarizers.stories.profile import Profile, profile


def report_profile(report: Report) -> Profile:
    """The matching profile of one report."""
    article = report.article
    return profile(article.text, report.digest.headline, article.language, report.when)


def group_reports(reports: Sequence[Report]) -> list[list[int]]:
    """Indices of `reports` grouped by story, in order of first appearance."""
    return cluster_profiles([report_profile(r) for r in reports])


def stories(reports: Sequence[Report]) -> list[StoryItem]:
    """One item per story, in the order each story first appears."""
    return [merge_story([reports[i] for i in group]) for group in group_reports(reports)]


__all__ = [
    "Report",
    "Source",
    "SourcedPoint",
    "SourcedQuote",
    "StoryItem",
    "group_reports",
    "merge_story",
    "stories",
]
