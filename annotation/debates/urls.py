from django.urls import URLPattern, URLResolver, path

from annotation.debates.api import (
    analytics,
    assignments,
    debates,
    gold,
    questions,
    seats,
    turns,
)

urlpatterns: list[URLPattern | URLResolver] = [
    path("debates/", debates.DebateListView.as_view()),
    path("debates/<int:pk>/", debates.DebateView.as_view()),
    path("debates/<int:pk>/turns/", turns.TurnSubmitView.as_view()),
    path("debates/<int:pk>/gold/", gold.DebateGoldView.as_view()),
    path("debates/seats/", seats.SeatListView.as_view()),
    path("debates/seats/<int:pk>/", seats.SeatView.as_view()),
    path("debates/question-sets/", questions.QuestionSetListView.as_view()),
    path("debates/questions/", questions.QuestionListView.as_view()),
    path("debates/assignments/", assignments.AssignmentListView.as_view()),
    path("debates/assignments/next/", assignments.AssignmentNextView.as_view()),
    path("debates/assignments/<int:pk>/", assignments.AssignmentView.as_view()),
    path("debates/assignments/<int:pk>/judgement/", assignments.JudgementCommitView.as_view()),
    path("debates/assignments/<int:pk>/skip/", assignments.AssignmentSkipView.as_view()),
    path("debates/assignments/<int:pk>/rounds/", assignments.RoundRequestView.as_view()),
    path("debates/analytics/", analytics.AnalyticsView.as_view()),
    path("debates/analytics/export/", analytics.AnalyticsExportView.as_view()),
    path("debates/analytics/groups/", analytics.AnalyticsGroupsView.as_view()),
]
