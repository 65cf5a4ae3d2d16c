import { Route, Routes } from "react-router";
import { LoginPage } from "../features/auth/components/LoginPage";
import { AnalyticsPage as DebateAnalyticsPage } from "../features/debates/components/AnalyticsPage";
import { ArgueListPage, ArguePage } from "../features/debates/components/ArguePage";
import { DebatesPage, DebateWatchPage } from "../features/debates/components/DebatesPage";
import { JudgePage } from "../features/debates/components/JudgePage";
import { CampaignsPage } from "../features/hazards/components/CampaignsPage";
import { LabelPage } from "../features/hazards/components/LabelPage";
import { HomePage } from "../features/home/components/HomePage";
import { ModelLineVersions } from "../features/models/components/ModelLineVersions";
import { ModelsPage } from "../features/models/components/ModelsPage";
import { PlaygroundPage } from "../features/playground/components/PlaygroundPage";
import { PrinciplesPage } from "../features/principles/components/PrinciplesPage";
import { RoundPage } from "../features/principles/components/RoundPage";
import { VersionPage } from "../features/principles/components/VersionPage";
import { ProfilePage } from "../features/profile/components/ProfilePage";
import { StudiesPage } from "../features/studies/components/StudiesPage";
import { StudyPage } from "../features/studies/components/StudyPage";
import { LineVersionsPage } from "../features/training/components/LineVersionsPage";
import { RunPage } from "../features/training/components/RunPage";
import { SnapshotsPage } from "../features/training/components/SnapshotsPage";
import { TrainingPage } from "../features/training/components/TrainingPage";
import { RequireAuth, RequireResearcher } from "./guards";

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<HomePage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="debates/judge" element={<JudgePage />} />
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
        <Route path="hazards/label/:campaign" element={<LabelPage />} />
        <Route
          path="hazards/campaigns/:campaign?"
          element={
            <RequireResearcher>
              <CampaignsPage />
            </RequireResearcher>
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
          path="training/snapshots"
          element={
            <RequireResearcher>
              <SnapshotsPage />
            </RequireResearcher>
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
          path="*"
          element={
            <main>
              <h1>Page not found</h1>
            </main>
          }
        />
      </Route>
    </Routes>
  );
}
