/**
 * The English catalogue: one namespace per feature folder (and `app`, `common`), each a JSON
 * file beside this one, so a feature's strings live in one file its own change touches. A new
 * language is a folder of the same files and one more entry in `resources`.
 */
import common from "./en/common.json";
import app from "./en/app.json";
import audit from "./en/audit.json";
import auth from "./en/auth.json";
import debates from "./en/debates.json";
import diversity from "./en/diversity.json";
import hazards from "./en/hazards.json";
import home from "./en/home.json";
import models from "./en/models.json";
import playground from "./en/playground.json";
import policies from "./en/policies.json";
import polis from "./en/polis.json";
import principles from "./en/principles.json";
import profile from "./en/profile.json";
import snapshots from "./en/snapshots.json";
import studies from "./en/studies.json";
import training from "./en/training.json";
import trust from "./en/trust.json";
import webhooks from "./en/webhooks.json";

export const NAMESPACES = ["common", "app", "audit", "auth", "debates", "diversity", "hazards", "home", "models", "playground", "policies", "polis", "principles", "profile", "snapshots", "studies", "training", "trust", "webhooks"] as const;

export const resources = {
  en: { common, app, audit, auth, debates, diversity, hazards, home, models, playground, policies, polis, principles, profile, snapshots, studies, training, trust, webhooks },
} as const;
