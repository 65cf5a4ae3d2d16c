from rest_framework.routers import SimpleRouter

from llm.api import GenerationViewSet

router = SimpleRouter(use_regex_path=False)
router.register("llm/generations", GenerationViewSet, basename="generation")
urlpatterns = router.urls
