"""Contains all the data models used in inputs/outputs"""

from .adjudication_in_request import AdjudicationInRequest
from .age_band_enum import AgeBandEnum
from .agreement import Agreement
from .analytics import Analytics
from .assignment_status_enum import AssignmentStatusEnum
from .attack_in_request import AttackInRequest
from .audience_enum import AudienceEnum
from .audit_action_enum import AuditActionEnum
from .audit_entry import AuditEntry
from .audit_list_action_item import AuditListActionItem
from .background_support import BackgroundSupport
from .blank_enum import BlankEnum
from .campaign import Campaign
from .campaign_in_request import CampaignInRequest
from .cancel_in_request import CancelInRequest
from .category import Category
from .category_rate import CategoryRate
from .category_request import CategoryRequest
from .change_enum import ChangeEnum
from .constitution_audit_entry import ConstitutionAuditEntry
from .constitution_changelog_entry import ConstitutionChangelogEntry
from .constitution_diff_row import ConstitutionDiffRow
from .constitution_version import ConstitutionVersion
from .constitution_version_detail import ConstitutionVersionDetail
from .count import Count
from .credentials_request import CredentialsRequest
from .csrf import Csrf
from .debate import Debate
from .debate_gold import DebateGold
from .debate_in_request import DebateInRequest
from .debate_skip_in_request import DebateSkipInRequest
from .debate_status_enum import DebateStatusEnum
from .debate_summary import DebateSummary
from .debater import Debater
from .debater_in_request import DebaterInRequest
from .debates_analytics_export_retrieve_file_format import (
    DebatesAnalyticsExportRetrieveFileFormat,
)
from .debates_analytics_export_retrieve_origin import (
    DebatesAnalyticsExportRetrieveOrigin,
)
from .debates_analytics_export_retrieve_table import DebatesAnalyticsExportRetrieveTable
from .debates_analytics_groups_retrieve_by import DebatesAnalyticsGroupsRetrieveBy
from .debates_analytics_groups_retrieve_origin import (
    DebatesAnalyticsGroupsRetrieveOrigin,
)
from .debates_analytics_retrieve_origin import DebatesAnalyticsRetrieveOrigin
from .debates_analytics_retrieve_response_200 import DebatesAnalyticsRetrieveResponse200
from .decision import Decision
from .disagreement import Disagreement
from .error import Error
from .error_fields import ErrorFields
from .event_type import EventType
from .export_out import ExportOut
from .field_enum import FieldEnum
from .fill_state_enum import FillStateEnum
from .format_enum import FormatEnum
from .generation import Generation
from .generation_in_request import GenerationInRequest
from .gold_in_request import GoldInRequest
from .gold_marked import GoldMarked
from .group_fill import GroupFill
from .group_measure import GroupMeasure
from .group_results import GroupResults
from .group_row import GroupRow
from .group_support import GroupSupport
from .hazard_rate import HazardRate
from .hazard_response import HazardResponse
from .hazards_campaigns_analytics_groups_retrieve_by import (
    HazardsCampaignsAnalyticsGroupsRetrieveBy,
)
from .health import Health
from .health_check import HealthCheck
from .health_checks import HealthChecks
from .health_checks_additional_property import HealthChecksAdditionalProperty
from .health_details import HealthDetails
from .health_details_checks import HealthDetailsChecks
from .health_status_enum import HealthStatusEnum
from .health_workers_retrieve_response_200 import HealthWorkersRetrieveResponse200
from .human_vs_ai import HumanVsAI
from .import_in_request import ImportInRequest
from .imported_set import ImportedSet
from .imported_set_label_distribution import ImportedSetLabelDistribution
from .item_aggregate import ItemAggregate
from .job_status_enum import JobStatusEnum
from .judge_assignment import JudgeAssignment
from .judge_debate import JudgeDebate
from .judge_debater import JudgeDebater
from .judge_question import JudgeQuestion
from .judgement import Judgement
from .judgement_in_request import JudgementInRequest
from .judgement_kind_enum import JudgementKindEnum
from .label_in_request import LabelInRequest
from .label_item import LabelItem
from .label_out import LabelOut
from .loop_snapshots_download_retrieve_split import LoopSnapshotsDownloadRetrieveSplit
from .manager_enum import ManagerEnum
from .me import Me
from .me_export_retrieve_response_200 import MeExportRetrieveResponse200
from .model_line import ModelLine
from .model_version import ModelVersion
from .opinion_group_proposal import OpinionGroupProposal
from .opinion_group_voter import OpinionGroupVoter
from .opinion_groups import OpinionGroups
from .origin_enum import OriginEnum
from .outcome import Outcome
from .outcome_debater import OutcomeDebater
from .paginated_audit_entry_list import PaginatedAuditEntryList
from .paginated_debate_summary_list import PaginatedDebateSummaryList
from .paginated_generation_list import PaginatedGenerationList
from .paginated_judge_assignment_list import PaginatedJudgeAssignmentList
from .paginated_model_line_list import PaginatedModelLineList
from .paginated_model_version_list import PaginatedModelVersionList
from .paginated_policy_list import PaginatedPolicyList
from .paginated_question_list import PaginatedQuestionList
from .paginated_rater_trust_list import PaginatedRaterTrustList
from .paginated_run_list import PaginatedRunList
from .paginated_seat_list import PaginatedSeatList
from .paginated_signal_list import PaginatedSignalList
from .paginated_snapshot_list import PaginatedSnapshotList
from .paginated_study_list import PaginatedStudyList
from .paginated_webhook_delivery_list import PaginatedWebhookDeliveryList
from .paginated_webhook_endpoint_list import PaginatedWebhookEndpointList
from .patched_profile_request import PatchedProfileRequest
from .patched_webhook_endpoint_in_request import PatchedWebhookEndpointInRequest
from .platform_audit_action_enum import PlatformAuditActionEnum
from .playground_example import PlaygroundExample
from .policy import Policy
from .policy_gates import PolicyGates
from .policy_request import PolicyRequest
from .policy_request_gates import PolicyRequestGates
from .polis_conversation import PolisConversation
from .polis_upload_request import PolisUploadRequest
from .principle import Principle
from .principle_comment import PrincipleComment
from .principle_comment_in_request import PrincipleCommentInRequest
from .principle_proposal import PrincipleProposal
from .principle_proposal_brief import PrincipleProposalBrief
from .principle_proposal_in_request import PrincipleProposalInRequest
from .principle_proposal_stats import PrincipleProposalStats
from .principle_proposal_stats_ai import PrincipleProposalStatsAi
from .principle_proposal_stats_group_agreement import (
    PrincipleProposalStatsGroupAgreement,
)
from .principle_tally import PrincipleTally
from .principle_tally_ai import PrincipleTallyAi
from .principle_tally_human import PrincipleTallyHuman
from .principle_tracking import PrincipleTracking
from .principle_tracking_point import PrincipleTrackingPoint
from .principle_tracking_point_group_agreement import (
    PrincipleTrackingPointGroupAgreement,
)
from .principle_veto_in_request import PrincipleVetoInRequest
from .principle_vote_in_request import PrincipleVoteInRequest
from .principles_rounds_groups_retrieve_by import PrinciplesRoundsGroupsRetrieveBy
from .profile import Profile
from .prompt_in_request import PromptInRequest
from .prompt_out import PromptOut
from .proposal_action_enum import ProposalActionEnum
from .protocol_enum import ProtocolEnum
from .publish_action_enum import PublishActionEnum
from .publish_in_request import PublishInRequest
from .question import Question
from .question_set import QuestionSet
from .question_set_in_request import QuestionSetInRequest
from .quota_fill import QuotaFill
from .quota_in_request import QuotaInRequest
from .quota_plan_in_request import QuotaPlanInRequest
from .quota_report import QuotaReport
from .quote import Quote
from .rater_trust import RaterTrust
from .recipe_enum import RecipeEnum
from .reliability import Reliability
from .report_plot import ReportPlot
from .report_plot_kind_enum import ReportPlotKindEnum
from .report_point import ReportPoint
from .report_series import ReportSeries
from .report_table import ReportTable
from .response_gold import ResponseGold
from .role_enum import RoleEnum
from .roles_enum import RolesEnum
from .rollback_in_request import RollbackInRequest
from .round_participation import RoundParticipation
from .round_participation_by_background import RoundParticipationByBackground
from .round_participation_by_background_additional_property import (
    RoundParticipationByBackgroundAdditionalProperty,
)
from .round_status_enum import RoundStatusEnum
from .run import Run
from .run_config import RunConfig
from .run_in_request import RunInRequest
from .run_in_request_config import RunInRequestConfig
from .run_in_request_dataset_recipe_type_0 import RunInRequestDatasetRecipeType0
from .run_status_enum import RunStatusEnum
from .run_timings import RunTimings
from .seat import Seat
from .seat_debate import SeatDebate
from .seat_question import SeatQuestion
from .serving_endpoint import ServingEndpoint
from .serving_route import ServingRoute
from .serving_status import ServingStatus
from .severity_level import SeverityLevel
from .severity_level_request import SeverityLevelRequest
from .signal import Signal
from .signal_in_kind_enum import SignalInKindEnum
from .signal_in_request import SignalInRequest
from .signal_kind_enum import SignalKindEnum
from .signals_list_kind import SignalsListKind
from .signals_list_source import SignalsListSource
from .skip_in_request import SkipInRequest
from .snapshot import Snapshot
from .snapshot_counts import SnapshotCounts
from .snapshot_detail import SnapshotDetail
from .snapshot_detail_counts import SnapshotDetailCounts
from .snapshot_detail_mix import SnapshotDetailMix
from .snapshot_detail_recipe import SnapshotDetailRecipe
from .snapshot_in_request import SnapshotInRequest
from .snapshot_in_request_recipe import SnapshotInRequestRecipe
from .snapshot_mix import SnapshotMix
from .snapshot_recipe import SnapshotRecipe
from .snapshot_status_enum import SnapshotStatusEnum
from .speaking_order_enum import SpeakingOrderEnum
from .state_enum import StateEnum
from .strategy_enum import StrategyEnum
from .studies_download_retrieve_file_format import StudiesDownloadRetrieveFileFormat
from .studies_download_retrieve_response_200 import StudiesDownloadRetrieveResponse200
from .study import Study
from .study_detail import StudyDetail
from .study_detail_params import StudyDetailParams
from .study_detail_waiting import StudyDetailWaiting
from .study_in_request import StudyInRequest
from .study_in_request_params import StudyInRequestParams
from .study_kind import StudyKind
from .study_param import StudyParam
from .study_report import StudyReport
from .study_report_data import StudyReportData
from .study_snapshot import StudySnapshot
from .study_status_enum import StudyStatusEnum
from .study_version import StudyVersion
from .taxonomy import Taxonomy
from .taxonomy_request import TaxonomyRequest
from .token_out import TokenOut
from .trigger_enum import TriggerEnum
from .turn import Turn
from .turn_in_request import TurnInRequest
from .turn_kind_enum import TurnKindEnum
from .type_enum import TypeEnum
from .version_detail import VersionDetail
from .version_in_request import VersionInRequest
from .version_status_enum import VersionStatusEnum
from .vote_choice_enum import VoteChoiceEnum
from .voting_round import VotingRound
from .voting_round_analysis import VotingRoundAnalysis
from .voting_round_analysis_proposals import VotingRoundAnalysisProposals
from .voting_round_detail import VotingRoundDetail
from .voting_round_in_request import VotingRoundInRequest
from .webhook_attempt import WebhookAttempt
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_status_enum import WebhookDeliveryStatusEnum
from .webhook_endpoint import WebhookEndpoint
from .webhook_endpoint_created import WebhookEndpointCreated
from .webhook_endpoint_in_request import WebhookEndpointInRequest
from .webhook_event_type_enum import WebhookEventTypeEnum
from .work_item import WorkItem
from .work_list import WorkList

__all__ = (
    "AdjudicationInRequest",
    "AgeBandEnum",
    "Agreement",
    "Analytics",
    "AssignmentStatusEnum",
    "AttackInRequest",
    "AudienceEnum",
    "AuditActionEnum",
    "AuditEntry",
    "AuditListActionItem",
    "BackgroundSupport",
    "BlankEnum",
    "Campaign",
    "CampaignInRequest",
    "CancelInRequest",
    "Category",
    "CategoryRate",
    "CategoryRequest",
    "ChangeEnum",
    "ConstitutionAuditEntry",
    "ConstitutionChangelogEntry",
    "ConstitutionDiffRow",
    "ConstitutionVersion",
    "ConstitutionVersionDetail",
    "Count",
    "CredentialsRequest",
    "Csrf",
    "Debate",
    "DebateGold",
    "DebateInRequest",
    "Debater",
    "DebaterInRequest",
    "DebatesAnalyticsExportRetrieveFileFormat",
    "DebatesAnalyticsExportRetrieveOrigin",
    "DebatesAnalyticsExportRetrieveTable",
    "DebatesAnalyticsGroupsRetrieveBy",
    "DebatesAnalyticsGroupsRetrieveOrigin",
    "DebatesAnalyticsRetrieveOrigin",
    "DebatesAnalyticsRetrieveResponse200",
    "DebateSkipInRequest",
    "DebateStatusEnum",
    "DebateSummary",
    "Decision",
    "Disagreement",
    "Error",
    "ErrorFields",
    "EventType",
    "ExportOut",
    "FieldEnum",
    "FillStateEnum",
    "FormatEnum",
    "Generation",
    "GenerationInRequest",
    "GoldInRequest",
    "GoldMarked",
    "GroupFill",
    "GroupMeasure",
    "GroupResults",
    "GroupRow",
    "GroupSupport",
    "HazardRate",
    "HazardResponse",
    "HazardsCampaignsAnalyticsGroupsRetrieveBy",
    "Health",
    "HealthCheck",
    "HealthChecks",
    "HealthChecksAdditionalProperty",
    "HealthDetails",
    "HealthDetailsChecks",
    "HealthStatusEnum",
    "HealthWorkersRetrieveResponse200",
    "HumanVsAI",
    "ImportedSet",
    "ImportedSetLabelDistribution",
    "ImportInRequest",
    "ItemAggregate",
    "JobStatusEnum",
    "JudgeAssignment",
    "JudgeDebate",
    "JudgeDebater",
    "Judgement",
    "JudgementInRequest",
    "JudgementKindEnum",
    "JudgeQuestion",
    "LabelInRequest",
    "LabelItem",
    "LabelOut",
    "LoopSnapshotsDownloadRetrieveSplit",
    "ManagerEnum",
    "Me",
    "MeExportRetrieveResponse200",
    "ModelLine",
    "ModelVersion",
    "OpinionGroupProposal",
    "OpinionGroups",
    "OpinionGroupVoter",
    "OriginEnum",
    "Outcome",
    "OutcomeDebater",
    "PaginatedAuditEntryList",
    "PaginatedDebateSummaryList",
    "PaginatedGenerationList",
    "PaginatedJudgeAssignmentList",
    "PaginatedModelLineList",
    "PaginatedModelVersionList",
    "PaginatedPolicyList",
    "PaginatedQuestionList",
    "PaginatedRaterTrustList",
    "PaginatedRunList",
    "PaginatedSeatList",
    "PaginatedSignalList",
    "PaginatedSnapshotList",
    "PaginatedStudyList",
    "PaginatedWebhookDeliveryList",
    "PaginatedWebhookEndpointList",
    "PatchedProfileRequest",
    "PatchedWebhookEndpointInRequest",
    "PlatformAuditActionEnum",
    "PlaygroundExample",
    "Policy",
    "PolicyGates",
    "PolicyRequest",
    "PolicyRequestGates",
    "PolisConversation",
    "PolisUploadRequest",
    "Principle",
    "PrincipleComment",
    "PrincipleCommentInRequest",
    "PrincipleProposal",
    "PrincipleProposalBrief",
    "PrincipleProposalInRequest",
    "PrincipleProposalStats",
    "PrincipleProposalStatsAi",
    "PrincipleProposalStatsGroupAgreement",
    "PrinciplesRoundsGroupsRetrieveBy",
    "PrincipleTally",
    "PrincipleTallyAi",
    "PrincipleTallyHuman",
    "PrincipleTracking",
    "PrincipleTrackingPoint",
    "PrincipleTrackingPointGroupAgreement",
    "PrincipleVetoInRequest",
    "PrincipleVoteInRequest",
    "Profile",
    "PromptInRequest",
    "PromptOut",
    "ProposalActionEnum",
    "ProtocolEnum",
    "PublishActionEnum",
    "PublishInRequest",
    "Question",
    "QuestionSet",
    "QuestionSetInRequest",
    "QuotaFill",
    "QuotaInRequest",
    "QuotaPlanInRequest",
    "QuotaReport",
    "Quote",
    "RaterTrust",
    "RecipeEnum",
    "Reliability",
    "ReportPlot",
    "ReportPlotKindEnum",
    "ReportPoint",
    "ReportSeries",
    "ReportTable",
    "ResponseGold",
    "RoleEnum",
    "RolesEnum",
    "RollbackInRequest",
    "RoundParticipation",
    "RoundParticipationByBackground",
    "RoundParticipationByBackgroundAdditionalProperty",
    "RoundStatusEnum",
    "Run",
    "RunConfig",
    "RunInRequest",
    "RunInRequestConfig",
    "RunInRequestDatasetRecipeType0",
    "RunStatusEnum",
    "RunTimings",
    "Seat",
    "SeatDebate",
    "SeatQuestion",
    "ServingEndpoint",
    "ServingRoute",
    "ServingStatus",
    "SeverityLevel",
    "SeverityLevelRequest",
    "Signal",
    "SignalInKindEnum",
    "SignalInRequest",
    "SignalKindEnum",
    "SignalsListKind",
    "SignalsListSource",
    "SkipInRequest",
    "Snapshot",
    "SnapshotCounts",
    "SnapshotDetail",
    "SnapshotDetailCounts",
    "SnapshotDetailMix",
    "SnapshotDetailRecipe",
    "SnapshotInRequest",
    "SnapshotInRequestRecipe",
    "SnapshotMix",
    "SnapshotRecipe",
    "SnapshotStatusEnum",
    "SpeakingOrderEnum",
    "StateEnum",
    "StrategyEnum",
    "StudiesDownloadRetrieveFileFormat",
    "StudiesDownloadRetrieveResponse200",
    "Study",
    "StudyDetail",
    "StudyDetailParams",
    "StudyDetailWaiting",
    "StudyInRequest",
    "StudyInRequestParams",
    "StudyKind",
    "StudyParam",
    "StudyReport",
    "StudyReportData",
    "StudySnapshot",
    "StudyStatusEnum",
    "StudyVersion",
    "Taxonomy",
    "TaxonomyRequest",
    "TokenOut",
    "TriggerEnum",
    "Turn",
    "TurnInRequest",
    "TurnKindEnum",
    "TypeEnum",
    "VersionDetail",
    "VersionInRequest",
    "VersionStatusEnum",
    "VoteChoiceEnum",
    "VotingRound",
    "VotingRoundAnalysis",
    "VotingRoundAnalysisProposals",
    "VotingRoundDetail",
    "VotingRoundInRequest",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookDeliveryStatusEnum",
    "WebhookEndpoint",
    "WebhookEndpointCreated",
    "WebhookEndpointInRequest",
    "WebhookEventTypeEnum",
    "WorkItem",
    "WorkList",
)
