from django.urls import URLPattern, URLResolver, path

from annotation.principles import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("principles/versions/", api.VersionListView.as_view()),
    path("principles/versions/<int:number>/", api.VersionDetailView.as_view()),
    path("principles/versions/<int:number>/diff/", api.VersionDiffView.as_view()),
    path("principles/rounds/", api.RoundListView.as_view()),
    path("principles/rounds/<int:pk>/", api.RoundDetailView.as_view()),
    path("principles/rounds/<int:pk>/close/", api.RoundCloseView.as_view()),
    path("principles/rounds/<int:pk>/proposals/", api.ProposalCreateView.as_view()),
    path("principles/rounds/<int:pk>/ai-proposals/", api.AIProposalView.as_view()),
    path("principles/rounds/<int:pk>/ai-votes/", api.AIVotesView.as_view()),
    path("principles/rounds/<int:pk>/analysis/", api.RoundAnalysisView.as_view()),
    path("principles/proposals/<int:pk>/vote/", api.VoteView.as_view()),
    path("principles/proposals/<int:pk>/comments/", api.CommentListView.as_view()),
    path("principles/proposals/<int:pk>/veto/", api.VetoView.as_view()),
    path("principles/tracking/", api.TrackingView.as_view()),
    path("principles/audit/", api.AuditListView.as_view()),
]
