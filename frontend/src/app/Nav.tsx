import { Anchor, Box, Container, Group, Text } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import type { Me } from "../lib/api/types";
import type { resources } from "../locales/resources";
import { capabilities } from "../lib/session";
import { SignOutButton } from "../features/auth/components/SignOutButton";
import classes from "./Nav.module.css";

type Capabilities = ReturnType<typeof capabilities>;
/** A link's text: its key under "nav" in src/locales/en/app.json. */
type NavLabel = keyof (typeof resources)["en"]["app"]["nav"];

/**
 * Every page in the main navigation and who is offered it: a link shows only when the user's
 * role may use the page (the server would answer its requests with 403 otherwise). To add a
 * page, add one entry here, in the order it should appear, and its label to app.json.
 */
export const NAV_LINKS: { to: string; label: NavLabel; show: (can: Capabilities) => boolean; end?: boolean }[] = [
  { to: "/", label: "home", show: () => true, end: true },
  { to: "/profile", label: "profile", show: () => true },
  { to: "/principles", label: "principles", show: () => true },
  { to: "/debates/judge", label: "judge", show: (can) => can.rate },
  { to: "/playground", label: "playground", show: (can) => can.research },
  { to: "/models", label: "models", show: (can) => can.research },
  { to: "/training", label: "training", show: (can) => can.research },
  { to: "/snapshots", label: "snapshots", show: (can) => can.research },
  { to: "/policies", label: "policies", show: (can) => can.research },
  { to: "/hazards/campaigns", label: "campaigns", show: (can) => can.campaigns },
  { to: "/debates", label: "debates", show: (can) => can.research, end: true },
  { to: "/debates/analytics", label: "debateAnalytics", show: (can) => can.research },
  // Researchers and admins hold studies.run_study (accounts/roles.py).
  { to: "/studies", label: "studies", show: (can) => can.research },
  // Researchers and admins hold trust.view_ratertrust.
  { to: "/trust", label: "trust", show: (can) => can.research },
  { to: "/polis", label: "polis", show: (can) => can.importPolis },
  { to: "/audit", label: "audit", show: (can) => can.audit },
  // Researchers and admins hold webhooks.manage_webhookendpoint.
  { to: "/webhooks", label: "webhooks", show: (can) => can.research },
];

/** The page header: the main navigation (only the pages the signed-in user's role may use) and
 * who is signed in. Its links wrap onto more lines on a narrow screen, so every page stays one
 * click away and nothing scrolls sideways. */
export function Nav({ me }: { me: Me }) {
  const { t } = useTranslation("app");
  const can = capabilities(me);
  return (
    <Box component="header" className={classes.header}>
      <Container size="lg" py="sm">
        <Group justify="space-between" gap="sm">
          <Box component="nav" aria-label={t("navLabel")} miw={0}>
            <Group component="ul" className={classes.links} gap="0.25rem 1rem">
              {NAV_LINKS.filter((link) => link.show(can)).map((link) => (
                <li key={link.to}>
                  <Anchor component={NavLink} to={link.to} end={link.end} className={classes.link}>
                    {t(`nav.${link.label}`)}
                  </Anchor>
                </li>
              ))}
            </Group>
          </Box>
          <Group gap="sm">
            <Text span>
              <Trans t={t} i18nKey="signedInAs" values={{ username: me.username }} components={{ strong: <strong /> }} />
            </Text>
            <SignOutButton />
          </Group>
        </Group>
      </Container>
    </Box>
  );
}
