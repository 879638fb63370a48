package news.broadsheet.account.internal;

import org.springframework.security.core.AuthenticationException;

/** Too many sign-ins were being checked at once: the attempt was not checked and may be repeated shortly. */
final class SignInBusyException extends AuthenticationException {

    SignInBusyException() {
        super("Too many sign-ins at once");
    }
}
