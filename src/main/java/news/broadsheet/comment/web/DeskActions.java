package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Optional;
import news.broadsheet.comment.ModerationUndo;
import org.jspecify.annotations.Nullable;

/**
 * The moderator's recent desk actions, kept in their session (stored in the database, so any node
 * answers the Undo) under a random token: what the notice says, and what undoing needs.
 */
final class DeskActions {

    private static final String ATTRIBUTE = DeskActions.class.getName();
    private static final int KEPT = 20;
    private static final SecureRandom TOKENS = new SecureRandom();

    /**
     * One action as the desk reports it.
     *
     * @param undo null when there is nothing to undo (nothing was changed)
     */
    record Done(String sentence, @Nullable ModerationUndo undo, boolean undone) implements Serializable {}

    private DeskActions() {}

    static String remember(HttpSession session, Done done) {
        byte[] bytes = new byte[12];
        TOKENS.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        LinkedHashMap<String, Done> actions = actions(session);
        actions.put(token, done);
        while (actions.size() > KEPT) {
            actions.remove(actions.keySet().iterator().next());
        }
        // Set again, not just changed: the stored session only saves attributes that are set.
        session.setAttribute(ATTRIBUTE, actions);
        return token;
    }

    static Optional<Done> find(HttpSession session, String token) {
        return Optional.ofNullable(actions(session).get(token));
    }

    static void markUndone(HttpSession session, String token) {
        LinkedHashMap<String, Done> actions = actions(session);
        Done done = actions.get(token);
        if (done != null) {
            actions.put(token, new Done(done.sentence(), done.undo(), true));
            session.setAttribute(ATTRIBUTE, actions);
        }
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, Done> actions(HttpSession session) {
        Object stored = session.getAttribute(ATTRIBUTE);
        return stored instanceof LinkedHashMap<?, ?> map
                ? new LinkedHashMap<>((LinkedHashMap<String, Done>) map)
                : new LinkedHashMap<>();
    }
}
