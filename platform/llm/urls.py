from django.urls import path
from rest_framework.routers import SimpleRouter

from llm.api import GenerationViewSet, PlaygroundExamplesView, ServingStatusView

router = SimpleRouter(use_regex_path=False)
router.register("llm/generations", GenerationViewSet, basename="generation")
urlpatterns = [
    path("llm/serving/", ServingStatusView.as_view()),
    path("llm/examples/", PlaygroundExamplesView.as_view()),
    *router.urls,
]
