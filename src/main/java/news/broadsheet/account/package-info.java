/**
 * Newsroom accounts: sign-in, roles (admin, editor, reporter, moderator), password changes, login
 * throttling, user management for admins, and the security rules for every route. Owns the
 * {@code account}, {@code login_throttle} and session tables; exposes {@link
 * news.broadsheet.account.Accounts}, {@link news.broadsheet.account.StaffPrincipal} (the signed-in
 * user, for controllers) and {@link news.broadsheet.account.AdminChrome}; publishes {@link
 * news.broadsheet.account.AccountEvent}s for the audit log.
 */
@NullMarked
package news.broadsheet.account;

import org.jspecify.annotations.NullMarked;
