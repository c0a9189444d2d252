/**
 * The service worker (vite-plugin-pwa's, configured in vite.config.ts): registered in production
 * builds only, so `vite` in development never serves a cached app. It precaches the build, so
 * the app opens offline once visited (docs/offline.md); a new build is taken once every tab of
 * the app has been closed, never by reloading a page the planner is working in. A browser that refuses service workers still runs the app, online only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  void import("virtual:pwa-register")
    .then(({ registerSW }) =>
      registerSW({
        immediate: true,
        onRegisterError: (e: unknown) =>
          console.warn(`오프라인 사용 준비 실패 / offline use not set up: ${e}`),
      }),
    )
    .catch((e: unknown) => console.warn(`오프라인 사용 준비 실패 / offline use not set up: ${e}`));
}
