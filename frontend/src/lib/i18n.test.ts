import { afterEach, describe, expect, it } from "vitest";
import i18n from "./i18n";

describe("i18n", () => {
  afterEach(async () => {
    await i18n.changeLanguage("en");
  });

  it("falls back to the English catalogue for a language it does not have", async () => {
    await i18n.changeLanguage("fr-FR");

    expect(i18n.resolvedLanguage).toBe("en");
    expect(i18n.t("form.submit", { ns: "studies" })).toBe("Start study");
    expect(i18n.t("pager.page", { page: 3 })).toBe("Page 3");
  });

  it("picks the plural form from the count", async () => {
    await i18n.changeLanguage("xx");

    expect(i18n.t("lineage.stepCount", { ns: "studies", count: 1 })).toBe("1 step");
    expect(i18n.t("lineage.stepCount", { ns: "studies", count: 2 })).toBe("2 steps");
    expect(i18n.t("lineage.stepCount", { ns: "studies", count: 0 })).toBe("0 steps");
  });
});
