"""The thin layer over the generated client: a session whose methods take plain arguments, answer
the generated models, raise ApiError in the API's one error shape, and wait for runs, studies
and snapshots.

Request bodies are built with the generated models' `from_dict`, in the API's own field names,
so a field added to the schema needs no change here; every write carries an Idempotency-Key,
which makes retrying it after a dropped connection safe.

The helpers live apart: `transport` sends and reads one request, `waiting` polls, `downloads`
streams a file, `errors` holds ApiError.
"""

from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any, Self, TypeVar

import httpx

from coalign_client.config import Login
from coalign_client.downloads import download
from coalign_client.generated import AuthenticatedClient
from coalign_client.generated.api.auth import auth_me_retrieve, auth_token_create
from coalign_client.generated.api.debates import (
    debates_create,
    debates_question_sets_create,
    debates_questions_list,
)
from coalign_client.generated.api.hazards import (
    hazards_campaigns_create,
    hazards_campaigns_import_create,
    hazards_campaigns_rerun_create,
)
from coalign_client.generated.api.loop import (
    loop_runs_create,
    loop_runs_retrieve,
    loop_snapshots_download_retrieve,
    loop_snapshots_retrieve,
)
from coalign_client.generated.api.studies import (
    studies_create,
    studies_download_retrieve,
    studies_kinds_list,
    studies_retrieve,
)
from coalign_client.generated.models import (
    Campaign,
    CampaignInRequest,
    Count,
    CredentialsRequest,
    Debate,
    DebateInRequest,
    FormatEnum,
    ImportInRequest,
    LoopSnapshotsDownloadRetrieveSplit,
    Me,
    PaginatedQuestionList,
    Question,
    QuestionSet,
    QuestionSetInRequest,
    Run,
    RunInRequest,
    SnapshotDetail,
    StudiesDownloadRetrieveFileFormat,
    StudyDetail,
    StudyInRequest,
    StudyKind,
    TokenOut,
    VersionInRequest,
)
from coalign_client.generated.types import File, Response
from coalign_client.transport import idempotency_key, parsed, present, retried
from coalign_client.waiting import RUN_FINISHED, SNAPSHOT_FINISHED, STUDY_FINISHED, polled

T = TypeVar("T")


class Session:
    """A logged-in connection to one Co-Align server (token authentication)."""

    def __init__(self, login: Login, *, timeout_s: float = 30.0) -> None:
        self.login = login
        self.client = AuthenticatedClient(
            base_url=login.url,
            token=login.token,
            prefix="Token",
            timeout=httpx.Timeout(timeout_s, connect=10.0),
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.get_httpx_client().close()

    @staticmethod
    def token_create(*, url: str, username: str, password: str, timeout_s: float = 30.0) -> str:
        """The user's API token, from their username and password."""
        # The generated operation wants an AuthenticatedClient; one given its own httpx client
        # sends no Authorization header, as a request without a token must not.
        client = AuthenticatedClient(base_url=url, token="").set_httpx_client(
            httpx.Client(base_url=url, timeout=httpx.Timeout(timeout_s, connect=10.0))
        )
        with client:
            body = CredentialsRequest(username=username, password=password)
            answer = retried(lambda: auth_token_create.sync_detailed(client=client, body=body))
            return parsed(answer, TokenOut).token

    def _send(self, request: Callable[[], Response[Any]], expect: type[T]) -> T:
        return parsed(retried(request), expect)

    def me_get(self) -> Me:
        return self._send(lambda: auth_me_retrieve.sync_detailed(client=self.client), Me)

    def question_set_import(
        self, *, path: Path, dataset: str, name: str | None = None, split: str | None = None
    ) -> QuestionSet:
        """Import a question file (CSV or JSONL, see the README's "Importing questions")."""
        data, key = path.read_bytes(), idempotency_key()
        return self._send(
            lambda: debates_question_sets_create.sync_detailed(
                client=self.client,
                body=QuestionSetInRequest(
                    file=File(payload=BytesIO(data), file_name=path.name),
                    dataset=dataset,
                    **present(name=name, split=split),
                ),
                idempotency_key=key,
            ),
            QuestionSet,
        )

    def questions_list(self, *, question_set: int) -> list[Question]:
        """Every question of a set, page by page."""
        questions: list[Question] = []
        page = 1
        while True:
            answer = self._questions_page(question_set=question_set, page=page)
            questions.extend(answer.results)
            if not answer.next_:
                return questions
            page += 1

    def _questions_page(self, *, question_set: int, page: int) -> PaginatedQuestionList:
        return self._send(
            lambda: debates_questions_list.sync_detailed(
                client=self.client, set_=question_set, page=page, page_size=500
            ),
            PaginatedQuestionList,
        )

    def debate_start(self, **fields: Any) -> Debate:
        """Start a debate; `fields` are DebateInRequest's (question, protocol, debaters, ...)."""
        body, key = DebateInRequest.from_dict(present(**fields)), idempotency_key()
        return self._send(
            lambda: debates_create.sync_detailed(
                client=self.client, body=body, idempotency_key=key
            ),
            Debate,
        )

    def campaign_create(self, **fields: Any) -> Campaign:
        """Create a hazard campaign; `fields` are CampaignInRequest's (name, line or version,
        description, labels_per_item, max_new_tokens)."""
        body, key = CampaignInRequest.from_dict(present(**fields)), idempotency_key()
        return self._send(
            lambda: hazards_campaigns_create.sync_detailed(
                client=self.client, body=body, idempotency_key=key
            ),
            Campaign,
        )

    def prompts_import(self, *, campaign: int, path: Path, file_format: str = "prompts") -> int:
        """Import a campaign's prompts (CSV/JSONL, or the AILuminate CSV); answers how many."""
        data, key = path.read_bytes(), idempotency_key()
        answer = self._send(
            lambda: hazards_campaigns_import_create.sync_detailed(
                campaign,
                client=self.client,
                body=ImportInRequest(
                    file=File(payload=BytesIO(data), file_name=path.name),
                    format_=FormatEnum(file_format),
                ),
                idempotency_key=key,
            ),
            Count,
        )
        return answer.count

    def campaign_start(self, *, campaign: int, version: int) -> int:
        """Send every prompt of the campaign to a model version; answers how many were queued."""
        body, key = VersionInRequest(version=version), idempotency_key()
        answer = self._send(
            lambda: hazards_campaigns_rerun_create.sync_detailed(
                campaign, client=self.client, body=body, idempotency_key=key
            ),
            Count,
        )
        return answer.count

    def run_start(self, **fields: Any) -> Run:
        """Start a training run; `fields` are RunInRequest's (line, recipe, snapshot or
        dataset_recipe, config, base_version, auto_publish)."""
        body, key = RunInRequest.from_dict(present(**fields)), idempotency_key()
        return self._send(
            lambda: loop_runs_create.sync_detailed(
                client=self.client, body=body, idempotency_key=key
            ),
            Run,
        )

    def run_get(self, run: int) -> Run:
        return self._send(lambda: loop_runs_retrieve.sync_detailed(run, client=self.client), Run)

    def run_wait(
        self, run: int, *, on_update: Callable[[Run], None] | None = None, poll_s: float = 1.0
    ) -> Run:
        """The run once it is done, failed or cancelled; on_update sees every state polled."""
        return polled(lambda: self.run_get(run), RUN_FINISHED, on_update, poll_s)

    def snapshot_get(self, snapshot: int) -> SnapshotDetail:
        return self._send(
            lambda: loop_snapshots_retrieve.sync_detailed(snapshot, client=self.client),
            SnapshotDetail,
        )

    def snapshot_wait(self, snapshot: int, *, poll_s: float = 1.0) -> SnapshotDetail:
        """The snapshot once it is built (or its build failed): snapshots build in a task."""
        return polled(lambda: self.snapshot_get(snapshot), SNAPSHOT_FINISHED, None, poll_s)

    def snapshot_download(self, *, snapshot: int, split: str, path: Path) -> int:
        """Write one split of a ready snapshot (JSONL) to path; answers the bytes written."""
        # The generated operation reads the whole file into memory; its request is streamed here.
        request = loop_snapshots_download_retrieve._get_kwargs(
            snapshot, split=LoopSnapshotsDownloadRetrieveSplit(split)
        )
        return download(self.client.get_httpx_client(), request, path)

    def study_kinds(self) -> list[StudyKind]:
        return self._send(lambda: studies_kinds_list.sync_detailed(client=self.client), list)

    def study_start(self, *, kind: str, params: dict[str, Any]) -> StudyDetail:
        body, key = StudyInRequest.from_dict({"kind": kind, "params": params}), idempotency_key()
        return self._send(
            lambda: studies_create.sync_detailed(
                client=self.client, body=body, idempotency_key=key
            ),
            StudyDetail,
        )

    def study_get(self, study: int) -> StudyDetail:
        return self._send(
            lambda: studies_retrieve.sync_detailed(study, client=self.client), StudyDetail
        )

    def study_wait(
        self,
        study: int,
        *,
        on_update: Callable[[StudyDetail], None] | None = None,
        poll_s: float = 2.0,
    ) -> StudyDetail:
        """The study once it is done, failed or cancelled; on_update sees every state polled."""
        return polled(lambda: self.study_get(study), STUDY_FINISHED, on_update, poll_s)

    def study_report_download(self, *, study: int, file_format: str, path: Path) -> int:
        """Write the study's report with its lineage (json, or csv with every table)."""
        request = studies_download_retrieve._get_kwargs(
            study, file_format=StudiesDownloadRetrieveFileFormat(file_format)
        )
        return download(self.client.get_httpx_client(), request, path)
