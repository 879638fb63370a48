/**
 * The audit log: who did what, when. Owns the {@code audit_event} table; listens to every
 * {@link news.broadsheet.shared.AuditableEvent} (recorded in the same transaction as the change
 * it describes); shows the log to admins at {@code /admin/audit}.
 */
@NullMarked
package news.broadsheet.audit;

import org.jspecify.annotations.NullMarked;
