from django.urls import URLPattern, URLResolver, path

from annotation.principles.api import (
    analysis,
    audit,
    comments,
    polis,
    proposals,
    rounds,
    versions,
    votes,
)

urlpatterns: list[URLPattern | URLResolver] = [
    path("principles/versions/", versions.VersionListView.as_view()),
    path("principles/versions/<int:number>/", versions.VersionDetailView.as_view()),
    path("principles/versions/<int:number>/diff/", versions.VersionDiffView.as_view()),
    path("principles/rounds/", rounds.RoundListView.as_view()),
    path("principles/rounds/<int:pk>/", rounds.RoundDetailView.as_view()),
    path("principles/rounds/<int:pk>/close/", rounds.RoundCloseView.as_view()),
    path("principles/rounds/<int:pk>/proposals/", proposals.ProposalCreateView.as_view()),
    path("principles/rounds/<int:pk>/ai-proposals/", proposals.AIProposalView.as_view()),
    path("principles/rounds/<int:pk>/ai-votes/", votes.AIVotesView.as_view()),
    path("principles/rounds/<int:pk>/analysis/", analysis.RoundAnalysisView.as_view()),
    path("principles/rounds/<int:pk>/groups/", analysis.RoundGroupsView.as_view()),
    path("principles/proposals/<int:pk>/vote/", votes.VoteView.as_view()),
    path("principles/proposals/<int:pk>/comments/", comments.CommentListView.as_view()),
    path("principles/proposals/<int:pk>/veto/", proposals.VetoView.as_view()),
    path("principles/tracking/", analysis.TrackingView.as_view()),
    path("principles/audit/", audit.AuditListView.as_view()),
    path("principles/polis/", polis.PolisConversationListView.as_view()),
]
