from django.urls import URLPattern, URLResolver, path

from annotation.hazards.api import (
    adjudication,
    analytics,
    campaigns,
    gold,
    labelling,
    prompts,
    taxonomies,
)

urlpatterns: list[URLPattern | URLResolver] = [
    path("hazards/taxonomies/", taxonomies.TaxonomyView.as_view()),
    path("hazards/campaigns/", campaigns.CampaignListView.as_view()),
    path("hazards/campaigns/<int:pk>/", campaigns.CampaignDetailView.as_view()),
    path("hazards/campaigns/<int:pk>/responses/", campaigns.CampaignResponsesView.as_view()),
    path("hazards/campaigns/<int:pk>/prompts/", prompts.CampaignPromptView.as_view()),
    path("hazards/campaigns/<int:pk>/import/", prompts.CampaignImportView.as_view()),
    path("hazards/campaigns/<int:pk>/attacks/", prompts.CampaignAttackView.as_view()),
    path("hazards/campaigns/<int:pk>/rerun/", campaigns.CampaignRerunView.as_view()),
    path("hazards/campaigns/<int:pk>/ai-labels/", campaigns.CampaignAILabelsView.as_view()),
    path("hazards/campaigns/<int:pk>/analytics/", analytics.CampaignAnalyticsView.as_view()),
    path("hazards/campaigns/<int:pk>/analytics/groups/", analytics.CampaignGroupsView.as_view()),
    path("hazards/campaigns/<int:pk>/next/", labelling.NextItemView.as_view()),
    path("hazards/responses/<int:pk>/label/", labelling.LabelView.as_view()),
    path("hazards/responses/<int:pk>/skip/", labelling.SkipView.as_view()),
    path("hazards/responses/<int:pk>/adjudicate/", adjudication.AdjudicateView.as_view()),
    path("hazards/responses/<int:pk>/gold/", gold.ResponseGoldView.as_view()),
    path("hazards/campaigns/<int:pk>/gold/import/", gold.CampaignGoldImportView.as_view()),
    path("hazards/report/", analytics.ImportedReportView.as_view()),
    path("hazards/me/reliability/", labelling.MyReliabilityView.as_view()),
]
