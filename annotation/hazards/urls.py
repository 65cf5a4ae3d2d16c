from django.urls import URLPattern, URLResolver, path

from annotation.hazards import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("hazards/taxonomies/", api.TaxonomyView.as_view()),
    path("hazards/campaigns/", api.CampaignListView.as_view()),
    path("hazards/campaigns/<int:pk>/", api.CampaignDetailView.as_view()),
    path("hazards/campaigns/<int:pk>/responses/", api.CampaignResponsesView.as_view()),
    path("hazards/campaigns/<int:pk>/prompts/", api.CampaignPromptView.as_view()),
    path("hazards/campaigns/<int:pk>/import/", api.CampaignImportView.as_view()),
    path("hazards/campaigns/<int:pk>/attacks/", api.CampaignAttackView.as_view()),
    path("hazards/campaigns/<int:pk>/rerun/", api.CampaignRerunView.as_view()),
    path("hazards/campaigns/<int:pk>/ai-labels/", api.CampaignAILabelsView.as_view()),
    path("hazards/campaigns/<int:pk>/analytics/", api.CampaignAnalyticsView.as_view()),
    path("hazards/campaigns/<int:pk>/next/", api.NextItemView.as_view()),
    path("hazards/responses/<int:pk>/label/", api.LabelView.as_view()),
    path("hazards/responses/<int:pk>/skip/", api.SkipView.as_view()),
    path("hazards/responses/<int:pk>/adjudicate/", api.AdjudicateView.as_view()),
    path("hazards/report/", api.ImportedReportView.as_view()),
    path("hazards/me/reliability/", api.MyReliabilityView.as_view()),
]
