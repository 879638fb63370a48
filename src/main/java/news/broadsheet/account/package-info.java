/**
 * Newsroom accounts: sign-in, roles (admin, editor, reporter, moderator), profiles and password
 * changes, invitations and password resets by e-mailed one-time links, login and reset
 * throttling, user management for admins, and the security rules for every route. Owns the
 * {@code account}, {@code account_link}, {@code login_throttle}, {@code reset_request_throttle}
 * and session tables; exposes {@link news.broadsheet.account.Accounts}, {@link
 * news.broadsheet.account.AccountLifecycle}, {@link news.broadsheet.account.StaffPrincipal} (the
 * signed-in user, for controllers) and {@link news.broadsheet.account.AdminChrome}, with {@link
 * news.broadsheet.account.NavigationBadgeProvider} for modules that put a count beside their
 * navigation link (the pending comments); sends mail
 * through {@link news.broadsheet.mail.MailOutbox}; publishes {@link
 * news.broadsheet.account.AccountEvent}s for the audit log.
 */
@NullMarked
package news.broadsheet.account;

import org.jspecify.annotations.NullMarked;
