package news.broadsheet.account.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends every session of an account, on every node: the sessions live in the database, so deleting
 * their rows ends them. It happens in the caller's transaction, atomically with the change
 * (a role change, disabling) that requires it.
 */
@Component
public class SignedInSessions {

    private final JdbcClient jdbc;

    SignedInSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void endAll(String username) {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?")
                .param(username)
                .update();
    }

    /** Ends every session of the account except the one with this id (the browser asking). */
    public void endAllExcept(String username, String sessionId) {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = ? AND session_id <> ?")
                .params(username, sessionId)
                .update();
    }
}
