import { createTheme, darken, luminance, type CSSVariablesResolver } from "@mantine/core";

/** The one theme every page draws from (Mantine). */
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 4 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  defaultRadius: "sm",
  focusRing: "auto",
  // Dialogs and menus appear without their fade for people whose system asks for less motion.
  respectReducedMotion: true,
});

// WCAG AA for normal text is 4.5:1; a little above it, so rounding never lands below.
const AA_CONTRAST = 4.6;

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** color, darkened in small steps until text in it reads at AA contrast on background. */
function readableOn(color: string, background: string): string {
  let shade = color;
  for (let step = 0; step < 20 && contrast(shade, background) < AA_CONTRAST; step += 1) {
    shade = darken(shade, 0.05);
  }
  return shade;
}

/** Mantine's default light scheme puts white text on shade 8 (red, green, orange, yellow...
 * fall below 4.5:1), shade 9 text on shade 1 (light badges, alerts) and gray 6 as dimmed
 * text: axe's colour-contrast rule fails them (tests/test_accessibility_browser.py). Each
 * colour's filled, text, outline and light-variant shades are darkened only as far as AA
 * needs, so blue stays Mantine's blue and yellow becomes a readable amber. */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = {
    "--mantine-color-dimmed": resolved.colors.gray[7],
    "--mantine-color-placeholder": resolved.colors.gray[7],
  };
  for (const [name, shades] of Object.entries(resolved.colors)) {
    const onWhite = readableOn(shades[8], "#ffffff");
    light[`--mantine-color-${name}-filled`] = onWhite;
    light[`--mantine-color-${name}-filled-hover`] = darken(onWhite, 0.1);
    light[`--mantine-color-${name}-text`] = onWhite;
    light[`--mantine-color-${name}-outline`] = onWhite;
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[1]);
  }
  return { variables: {}, light, dark: {} };
};
