import { Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Route, Routes } from "react-router";
import { LoginPage } from "../features/auth/components/LoginPage";
import { AuditLogPage } from "../features/audit/components/AuditLogPage";
import { AnalyticsPage as DebateAnalyticsPage } from "../features/debates/components/AnalyticsPage";
import { ArgueListPage, ArguePage } from "../features/debates/components/ArguePage";
import { DebatesPage, DebateWatchPage } from "../features/debates/components/DebatesPage";
import { JudgePage } from "../features/debates/components/JudgePage";
import { QuestionSetsPage } from "../features/debates/components/QuestionSetsPage";
import { CampaignsPage } from "../features/hazards/components/CampaignsPage";
import { LabelPage } from "../features/hazards/components/LabelPage";
import { HomePage } from "../features/home/components/HomePage";
import { ModelLineVersions } from "../features/models/components/ModelLineVersions";
import { ModelsPage } from "../features/models/components/ModelsPage";
import { PlaygroundPage } from "../features/playground/components/PlaygroundPage";
import { PoliciesPage } from "../features/policies/components/PoliciesPage";
import { PolisImportPage } from "../features/polis/components/PolisImportPage";
import { PrinciplesPage } from "../features/principles/components/PrinciplesPage";
import { RoundPage } from "../features/principles/components/RoundPage";
import { VersionPage } from "../features/principles/components/VersionPage";
import { ProfilePage } from "../features/profile/components/ProfilePage";
import { SnapshotsPage } from "../features/snapshots/components/SnapshotsPage";
import { StudiesPage } from "../features/studies/components/StudiesPage";
import { StudyPage } from "../features/studies/components/StudyPage";
import { LineVersionsPage } from "../features/training/components/LineVersionsPage";
import { RunPage } from "../features/training/components/RunPage";
import { TrainingPage } from "../features/training/components/TrainingPage";
import { TrustPage } from "../features/trust/components/TrustPage";
import { WebhooksPage } from "../features/webhooks/components/WebhooksPage";
import { RequireAuth, RequireCapability, RequireResearcher } from "./guards";
import { Layout } from "./Layout";

function NotFound() {
  const { t } = useTranslation("app");
  return (
    <main>
      <Title order={1}>{t("notFound")}</Title>
    </main>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route
            path="debates/judge"
            element={
              <RequireCapability capability="rate">
                <JudgePage />
              </RequireCapability>
            }
          />
          <Route path="debates/argue" element={<ArgueListPage />} />
          <Route path="debates/argue/:id" element={<ArguePage />} />
          <Route
            path="debates"
            element={
              <RequireResearcher>
                <DebatesPage />
              </RequireResearcher>
            }
          />
          <Route
            path="debates/:id"
            element={
              <RequireResearcher>
                <DebateWatchPage />
              </RequireResearcher>
            }
          />
          <Route
            path="debates/sets/:id?"
            element={
              <RequireResearcher>
                <QuestionSetsPage />
              </RequireResearcher>
            }
          />
          <Route
            path="debates/analytics"
            element={
              <RequireResearcher>
                <DebateAnalyticsPage />
              </RequireResearcher>
            }
          />
          <Route path="principles" element={<PrinciplesPage />} />
          <Route path="principles/versions/:number" element={<VersionPage />} />
          <Route path="principles/rounds/:id" element={<RoundPage />} />
          <Route
            path="hazards/label/:campaign"
            element={
              <RequireCapability capability="rate">
                <LabelPage />
              </RequireCapability>
            }
          />
          <Route
            path="hazards/campaigns/:campaign?"
            element={
              <RequireCapability capability="campaigns">
                <CampaignsPage />
              </RequireCapability>
            }
          />
          <Route
            path="playground"
            element={
              <RequireResearcher>
                <PlaygroundPage />
              </RequireResearcher>
            }
          />
          <Route
            path="models"
            element={
              <RequireResearcher>
                <ModelsPage />
              </RequireResearcher>
            }
          >
            <Route path=":slug" element={<ModelLineVersions />} />
          </Route>
          <Route
            path="training"
            element={
              <RequireResearcher>
                <TrainingPage />
              </RequireResearcher>
            }
          />
          <Route
            path="training/runs/:id"
            element={
              <RequireResearcher>
                <RunPage />
              </RequireResearcher>
            }
          />
          <Route
            path="snapshots"
            element={
              <RequireResearcher>
                <SnapshotsPage />
              </RequireResearcher>
            }
          />
          <Route
            path="policies/:slug?"
            element={
              <RequireResearcher>
                <PoliciesPage />
              </RequireResearcher>
            }
          />
          <Route
            path="polis"
            element={
              <RequireCapability capability="importPolis">
                <PolisImportPage />
              </RequireCapability>
            }
          />
          <Route
            path="webhooks"
            element={
              <RequireResearcher>
                <WebhooksPage />
              </RequireResearcher>
            }
          />
          <Route
            path="audit"
            element={
              <RequireCapability capability="audit">
                <AuditLogPage />
              </RequireCapability>
            }
          />
          <Route
            path="training/lines/:slug"
            element={
              <RequireResearcher>
                <LineVersionsPage />
              </RequireResearcher>
            }
          />
          <Route
            path="studies"
            element={
              <RequireResearcher>
                <StudiesPage />
              </RequireResearcher>
            }
          />
          <Route
            path="studies/:id"
            element={
              <RequireResearcher>
                <StudyPage />
              </RequireResearcher>
            }
          />
          <Route
            path="trust"
            element={
              <RequireResearcher>
                <TrustPage />
              </RequireResearcher>
            }
          />
          <Route
            path="*"
            element={<NotFound />}
          />
        </Route>
      </Route>
    </Routes>
  );
}
