import { eddMembers, everyone, type Rows } from "@/tests/integration/authorization/shared";

// Notifications are the viewer's own: every signed-in person may read and mark theirs, and no input
// reaches another person's (markRead of someone else's id marks nothing; tests/integration/notifications.test.ts).
export const notificationsRows: Rows = {
  "notification.list": { input: () => ({}), expect: everyone("OK") },
  "notification.unreadCount": { input: () => undefined, expect: everyone("OK") },
  "notification.markRead": { input: () => ({ ids: ["cmatrixnotification0000000"] }), expect: everyone("OK") },
  "notification.markAllRead": { input: () => undefined, expect: everyone("OK") },
  "notification.preferences": { input: () => undefined, expect: everyone("OK") },
  "notification.setPreference": { input: () => ({ kind: "RELEASE", email: "DIGEST" }), expect: everyone("OK") },
  "notification.live": { input: () => undefined, expect: everyone("OK") },
  // The mention picker: those who may comment on the thread; others as for the thread itself.
  "comment.mentionable": { input: ({ world: w }) => ({ agendaItemId: w.items.eddGovernments.id }), expect: { ...eddMembers, observer: "FORBIDDEN" } },
};
