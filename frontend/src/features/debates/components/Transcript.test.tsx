import { MantineProvider } from "@mantine/core";
import { render as renderBare, screen } from "@testing-library/react";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import type { Turn } from "../api/debates";
import { Transcript } from "./Transcript";

const turn = (text: string, quotes: Turn["quotes"]): Turn => ({
  id: 1, position: 0, round: 0, kind: "speech", slot: "A", speaker_name: "Debater A", text, quotes, probabilities: null,
  untrained_model: false,
});

// The transcript is drawn with the component library, which needs its provider.
const render = (ui: ReactElement) => renderBare(<MantineProvider>{ui}</MantineProvider>);

describe("quotes in a transcript", () => {
  it("shows quotes of a debate without its story as unverifiable, not unchecked", () => {
    render(<Transcript turns={[turn("See <quote>she hated boats</quote>.", [{ text: "she hated boats", verified: null }])]} live={{}} />);
    expect(screen.getByText("[unverifiable quote: story not available]")).toBeInTheDocument();
    expect(screen.queryByText(/unchecked/)).not.toBeInTheDocument();
  });

  it("finds quotes whose tags have inner spaces or capitals", () => {
    const text = "< quote >no one else knew</ quote > and <QUOTE>she hated boats</QUOTE>";
    render(
      <Transcript
        turns={[turn(text, [{ text: "no one else knew", verified: true }, { text: "she hated boats", verified: false }])]}
        live={{}}
      />,
    );
    expect(screen.getByText("[verified quote]")).toBeInTheDocument();
    expect(screen.getByText("[unverified quote]")).toBeInTheDocument();
    expect(screen.queryByText(/< quote >/)).not.toBeInTheDocument();
  });
});
