/**
 * Test-only NEXTAUTH_SECRET of the e2e server (playwright.config.ts). scripts/e2e.ts seeds with it
 * too, so the demo's authenticator-app secret is encrypted under the key the server decrypts with.
 * The e2e database is thrown away after the run.
 */
export const E2E_NEXTAUTH_SECRET = "trilogue-e2e-only-secret-never-deploy-0123456789";
