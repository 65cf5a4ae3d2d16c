import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubApi, users, type RecordedRequest } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const emptyProfile = {
  consent_given: false,
  consent_at: null,
  languages: [],
  region: "",
  expertise: "",
  age_band: "",
  perspective: "",
};

const backgroundLabels = ["Languages", "Region", "Expertise", "Age band", "Perspective"];

describe("profile", () => {
  it("keeps background fields disabled until consent is ticked, then saves them with consent", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/me/profile/": { body: emptyProfile },
      "PATCH /api/me/profile/": (request: RecordedRequest) => ({
        body: { ...emptyProfile, ...(request.body as object), consent_at: "2025-01-01T00:00:00Z" },
      }),
    });
    const { user } = renderApp("/profile");

    const consent = await screen.findByRole("checkbox", { name: /I consent/ });
    expect(consent).not.toBeChecked();
    for (const label of backgroundLabels) expect(screen.getByLabelText(label)).toBeDisabled();
    expect(screen.getByText(/All of these questions are optional/)).toHaveTextContent(
      /spread work across raters with different backgrounds/,
    );
    expect(screen.getByText(/All of these questions are optional/)).toHaveTextContent(
      /report how diverse our raters are/,
    );

    await user.click(consent);
    for (const label of backgroundLabels) expect(screen.getByLabelText(label)).toBeEnabled();

    await user.type(screen.getByLabelText("Languages"), "English,  Swahili ,");
    await user.type(screen.getByLabelText("Region"), "East Africa");
    await user.selectOptions(screen.getByLabelText("Age band"), "25-34");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Saved.")).toBeInTheDocument();
    expect(http.calls("PATCH /api/me/profile/")[0]?.body).toEqual({
      consent_given: true,
      languages: ["English", "Swahili"],
      region: "East Africa",
      expertise: "",
      age_band: "25-34",
      perspective: "",
    });
  });

  it("disables the fields again when consent is unticked", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/me/profile/": { body: emptyProfile },
    });
    const { user } = renderApp("/profile");

    const consent = await screen.findByRole("checkbox", { name: /I consent/ });
    await user.click(consent);
    expect(screen.getByLabelText("Region")).toBeEnabled();
    await user.click(consent);
    expect(screen.getByLabelText("Region")).toBeDisabled();
  });

  it("shows field errors from a 400", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/me/profile/": { body: { ...emptyProfile, consent_given: true, consent_at: "2025-01-01T00:00:00Z" } },
      "PATCH /api/me/profile/": {
        status: 400,
        body: { detail: "Invalid input.", code: "invalid", fields: { region: ["Ensure this field has no more than 64 characters."] } },
      },
    });
    const { user } = renderApp("/profile");

    await user.type(await screen.findByLabelText("Region"), "x");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Invalid input.");
    expect(screen.getByLabelText("Region")).toHaveAccessibleDescription(
      "Ensure this field has no more than 64 characters.",
    );
  });

  it("erases background data when consent is withdrawn", async () => {
    const consented = {
      ...emptyProfile,
      consent_given: true,
      consent_at: "2025-01-01T00:00:00Z",
      region: "East Africa",
    };
    let erased = false;
    const http = stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/me/profile/": () => ({ body: erased ? emptyProfile : consented }),
      "DELETE /api/me/profile/": () => {
        erased = true;
        return { status: 204 };
      },
    });
    const { user } = renderApp("/profile");

    expect(await screen.findByLabelText("Region")).toHaveValue("East Africa");
    await user.click(screen.getByRole("checkbox", { name: /I consent/ }));
    await user.click(screen.getByRole("button", { name: "Withdraw consent and erase" }));

    expect(await screen.findByText(/were erased and consent withdrawn/)).toBeInTheDocument();
    expect(http.calls("DELETE /api/me/profile/")).toHaveLength(1);
    expect(http.calls("PATCH /api/me/profile/")).toHaveLength(0);
    expect(screen.getByLabelText("Region")).toHaveValue("");
    expect(screen.getByLabelText("Region")).toBeDisabled();
  });
});
