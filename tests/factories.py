"""factory-boy factories for the main models: rows a test needs as they are, not as a service
would make them. Tests of a service still build its inputs through the service.

Users made as related rows have no usable password (`password=None`): hashing costs about 0.3 s
a user and only a test that signs in needs one.
"""

import datetime as dt
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.db.models import Max
from django.utils import timezone

from accounts.models import RaterProfile
from accounts.roles import Role
from annotation.debates.models import Debate, Debater, Protocol, Question, QuestionSet
from annotation.hazards import taxonomy_default
from annotation.hazards.models import (
    Campaign,
    Category,
    Prompt,
    PromptSource,
    Response,
    ResponseStatus,
    Taxonomy,
)
from annotation.principles.models import (
    Audience,
    ConstitutionVersion,
    Proposal,
    ProposalAction,
    VotingRound,
)
from llm.models import Generation
from loop.models import DatasetSnapshot, Recipe, SnapshotStatus, TrainingRun
from registry.models import ModelLine, ModelVersion, VersionStatus
from signalpool.kinds import SignalKind
from signalpool.models import Signal

PASSWORD = "a-long-test-password"


def _next_number(model: Any, **among: Any) -> int:
    """The number after the highest of `model`'s rows matching `among` (append-only versions)."""
    return (model.objects.filter(**among).aggregate(n=Max("number"))["n"] or 0) + 1


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A user holding `roles` (a list of Role), e.g. UserFactory.create(roles=[Role.RATER])."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.groups.add(*Group.objects.filter(name__in=[Role(r).value for r in extracted]))
        obj.save()


# Registry


class ModelLineFactory(factory.django.DjangoModelFactory[ModelLine]):
    class Meta:
        model = ModelLine
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"line-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())


class ModelVersionFactory(factory.django.DjangoModelFactory[ModelVersion]):
    """The next version of its line, a draft unless `published=True`."""

    class Meta:
        model = ModelVersion

    class Params:
        published = factory.Trait(
            status=VersionStatus.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )

    line = factory.SubFactory(ModelLineFactory)
    number = factory.LazyAttribute(lambda o: _next_number(ModelVersion, line=o.line))
    base = "co-align/tiny-llama"
    uri = factory.LazyAttribute(lambda o: f"/models/{o.line.slug}-v{o.number}")
    status = VersionStatus.DRAFT


# Signal pool


class SignalFactory(factory.django.DjangoModelFactory[Signal]):
    """A person's preference signal on a test item (the pool refuses updates: pass every field
    that matters)."""

    class Meta:
        model = Signal

    kind = SignalKind.PREFERENCE
    source_user = factory.SubFactory(UserFactory, password=None)
    item_type = "test.item"
    item_id = factory.Sequence(str)
    payload = factory.LazyAttribute(
        lambda o: {"prompt": f"Question {o.item_id}?\n", "chosen": "Gladly.", "rejected": "No."}
    )
    idempotency_key = factory.Sequence(lambda n: f"signal-{n}")


# LLM


class GenerationFactory(factory.django.DjangoModelFactory[Generation]):
    """A queued playground generation."""

    class Meta:
        model = Generation

    requested_by = factory.SubFactory(UserFactory, password=None)
    model_version = factory.SubFactory(ModelVersionFactory)
    prompt = "Which answer is right?"
    params = factory.LazyFunction(lambda: {"max_new_tokens": 4, "temperature": 0.0})


# Hazards


class TaxonomyFactory(factory.django.DjangoModelFactory[Taxonomy]):
    """The next taxonomy version, with the default categories unless `categories` (a list of
    dicts like taxonomy_default.CATEGORIES) is given."""

    class Meta:
        model = Taxonomy
        skip_postgeneration_save = True

    number = factory.LazyFunction(lambda: _next_number(Taxonomy))
    severity_scale = factory.LazyFunction(lambda: list(taxonomy_default.SEVERITY_SCALE))

    @factory.post_generation
    def categories(obj: Taxonomy, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create:
            return
        categories: list[dict[str, Any]] = (
            extracted if extracted is not None else taxonomy_default.CATEGORIES
        )
        Category.objects.bulk_create(
            Category(
                taxonomy=obj,
                code=c["code"],
                name=c["name"],
                definition=c["definition"],
                examples=list(c.get("examples", [])),
            )
            for c in categories
        )


def _taxonomy_current() -> Taxonomy:
    return Taxonomy.objects.order_by("-number").first() or TaxonomyFactory.create()


class CampaignFactory(factory.django.DjangoModelFactory[Campaign]):
    """A campaign without a target (imports only) under the current taxonomy."""

    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"campaign {n}")
    taxonomy = factory.LazyFunction(_taxonomy_current)
    labels_per_item = 3


class PromptFactory(factory.django.DjangoModelFactory[Prompt]):
    class Meta:
        model = Prompt

    campaign = factory.SubFactory(CampaignFactory)
    text = factory.Sequence(lambda n: f"prompt {n}")
    source = PromptSource.FILE
    external_id = factory.Sequence(str)


class ResponseFactory(factory.django.DjangoModelFactory[Response]):
    """An imported response, done and ready to label."""

    class Meta:
        model = Response

    prompt = factory.SubFactory(PromptFactory)
    producer = "fixture"
    text = factory.Sequence(lambda n: f"response text number {n}")
    status = ResponseStatus.DONE


# Debates


class QuestionSetFactory(factory.django.DjangoModelFactory[QuestionSet]):
    class Meta:
        model = QuestionSet

    name = factory.Sequence(lambda n: f"set {n}")
    source = "test"
    content_hash = factory.Sequence(lambda n: f"{n:064x}")


class QuestionFactory(factory.django.DjangoModelFactory[Question]):
    """A two-option question over a short passage; option 0 is right."""

    class Meta:
        model = Question

    question_set = factory.SubFactory(QuestionSetFactory)
    key = factory.Sequence(lambda n: f"q{n}")
    text = factory.Sequence(lambda n: f"Why did Mara stay ({n})?")
    passage = (
        "The storm broke the radio mast on Tuesday. Mara could have taken the supply boat back, "
        "but the lamp needed winding every four hours, and no one else knew how."
    )
    options = factory.LazyFunction(lambda: ["Nobody else could wind the lamp", "She feared boats"])
    correct_index = 0
    source = factory.SelfAttribute("question_set.source")


class DebateFactory(factory.django.DjangoModelFactory[Debate]):
    """A one-round debate (no debaters: add them with DebaterFactory)."""

    class Meta:
        model = Debate

    question = factory.SubFactory(QuestionFactory)
    protocol = Protocol.DEBATE
    rounds = 1
    max_rounds = 1


class DebaterFactory(factory.django.DjangoModelFactory[Debater]):
    class Meta:
        model = Debater

    debate = factory.SubFactory(DebateFactory)
    slot = "A"
    answer_index = factory.LazyAttribute(lambda o: "AB".index(o.slot))


# Principles


class ConstitutionVersionFactory(factory.django.DjangoModelFactory[ConstitutionVersion]):
    """The next constitution version, without principles; pass is_current=True to put it in
    force (only once the current one is no longer)."""

    class Meta:
        model = ConstitutionVersion

    number = factory.LazyFunction(lambda: _next_number(ConstitutionVersion))
    is_current = False


def _constitution_current() -> ConstitutionVersion:
    current = ConstitutionVersion.objects.filter(is_current=True).first()
    return current or ConstitutionVersionFactory.create(is_current=True)


class VotingRoundFactory(factory.django.DjangoModelFactory[VotingRound]):
    """A round open for the next hour over the constitution in force."""

    class Meta:
        model = VotingRound

    title = factory.Sequence(lambda n: f"Round {n}")
    base_version = factory.LazyFunction(_constitution_current)
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(minutes=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(hours=1))
    created_by = factory.SubFactory(UserFactory, password=None)


class ProposalFactory(factory.django.DjangoModelFactory[Proposal]):
    """A person's proposal to amend a principle."""

    class Meta:
        model = Proposal

    round = factory.SubFactory(VotingRoundFactory)
    action = ProposalAction.AMEND
    principle_key = factory.Sequence(lambda n: f"principle-{n}")
    title = "Mutual trust"
    text = factory.Sequence(lambda n: f"Amended text {n}")
    audience = Audience.SHARED
    rationale = "Because."
    author_user = factory.SubFactory(UserFactory, password=None)


# Loop


class DatasetSnapshotFactory(factory.django.DjangoModelFactory[DatasetSnapshot]):
    """A built (ready) snapshot with no rows."""

    class Meta:
        model = DatasetSnapshot

    recipe_hash = factory.Sequence(lambda n: f"{n:064x}")
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    status = SnapshotStatus.READY
    recipe = factory.LazyFunction(dict)
    format = "preference"


class TrainingRunFactory(factory.django.DjangoModelFactory[TrainingRun]):
    """A queued DPO run from a published version of its line."""

    class Meta:
        model = TrainingRun

    base_version = factory.SubFactory(ModelVersionFactory, published=True)
    line = factory.SelfAttribute("base_version.line")
    recipe = Recipe.DPO
    snapshot = factory.SubFactory(DatasetSnapshotFactory, line=factory.SelfAttribute("..line"))


# Accounts


class RaterProfileFactory(factory.django.DjangoModelFactory[RaterProfile]):
    """A rater's consented background (pass consent_given=False and no background for a rater
    who shares nothing)."""

    class Meta:
        model = RaterProfile

    user = factory.SubFactory(UserFactory, password=None, roles=[Role.RATER])
    consent_given = True
    consent_at = factory.LazyFunction(timezone.now)
