from django.urls import URLPattern, URLResolver, path

from annotation.debates import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("debates/", api.DebateListView.as_view()),
    path("debates/<int:pk>/", api.DebateView.as_view()),
    path("debates/<int:pk>/turns/", api.TurnSubmitView.as_view()),
    path("debates/seats/", api.SeatListView.as_view()),
    path("debates/seats/<int:pk>/", api.SeatView.as_view()),
    path("debates/question-sets/", api.QuestionSetListView.as_view()),
    path("debates/questions/", api.QuestionListView.as_view()),
    path("debates/assignments/", api.AssignmentListView.as_view()),
    path("debates/assignments/next/", api.AssignmentNextView.as_view()),
    path("debates/assignments/<int:pk>/", api.AssignmentView.as_view()),
    path("debates/assignments/<int:pk>/judgement/", api.JudgementCommitView.as_view()),
    path("debates/assignments/<int:pk>/skip/", api.AssignmentSkipView.as_view()),
    path("debates/assignments/<int:pk>/rounds/", api.RoundRequestView.as_view()),
    path("debates/analytics/", api.AnalyticsView.as_view()),
    path("debates/analytics/export/", api.AnalyticsExportView.as_view()),
]
