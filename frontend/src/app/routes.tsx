import { Route, Routes } from "react-router";
import { LoginPage } from "../features/auth/components/LoginPage";
import { HomePage } from "../features/home/components/HomePage";
import { ModelLineVersions } from "../features/models/components/ModelLineVersions";
import { ModelsPage } from "../features/models/components/ModelsPage";
import { PlaygroundPage } from "../features/playground/components/PlaygroundPage";
import { ProfilePage } from "../features/profile/components/ProfilePage";
import { RequireAuth, RequireResearcher } from "./guards";

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<HomePage />} />
        <Route path="profile" element={<ProfilePage />} />
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
