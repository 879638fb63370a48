/**
 * Outgoing e-mail: an outbox table written in the transaction that causes a message, and a
 * scheduler that sends it over SMTP ({@code spring.mail.*}), retries it with backoff and prunes it.
 * Owns the {@code mail_outbox} table; exposes {@link news.broadsheet.mail.MailOutbox}. Depends on
 * nothing but {@code shared}, so any feature may send mail.
 */
@NullMarked
package news.broadsheet.mail;

import org.jspecify.annotations.NullMarked;
