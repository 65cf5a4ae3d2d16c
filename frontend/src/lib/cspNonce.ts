/** The Content-Security-Policy nonce of this page load. Django writes a fresh one into
 * index.html's `<meta property="csp-nonce">` (vite.config.ts `html.cspNonce` puts the
 * placeholder there) and into the policy's style-src, so the `<style>` elements the component
 * library adds are allowed and no other inline style is. Browsers hide a nonce attribute's
 * value from getAttribute; the `nonce` property keeps it. */
export function cspNonce(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce ?? "";
}
