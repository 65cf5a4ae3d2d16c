/**
 * Every user-facing string goes through react-i18next: `const { t } = useTranslation("studies")`
 * then `t("title")`, with the text in src/locales/en/studies.json. The catalogue is bundled, so
 * initialisation is synchronous and the first render already has its words. Keys are typed
 * (CustomTypeOptions below): a missing key fails `tsc`.
 *
 * Dates and numbers follow the browser's locale through lib/format.ts (Intl), whatever language
 * the catalogue falls back to.
 */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { NAMESPACES, resources } from "../locales/resources";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: (typeof resources)["en"];
  }
}

void i18n.use(initReactI18next).init({
  resources,
  // The browser's language when the catalogue has it, else English.
  lng: typeof navigator === "undefined" ? "en" : navigator.language,
  load: "languageOnly",
  fallbackLng: "en",
  supportedLngs: Object.keys(resources),
  ns: [...NAMESPACES],
  defaultNS: "common",
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
